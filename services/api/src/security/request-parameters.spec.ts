import { MAX_QUERY_PARAMETERS, requestParameterProblems } from './request-parameters';

describe('requestParameterProblems', () => {
  const problems = (target: string, maxBytes = 64) => requestParameterProblems(target, maxBytes);

  it('passes ordinary targets, UTF-8 text and plus-encoded spaces included', () => {
    expect(problems('/articles?q=dockers+strike&limit=10')).toEqual([]);
    expect(problems(`/articles?q=${encodeURIComponent('서울 北京 Αθήνα')}`)).toEqual([]);
    expect(problems('/articles/0123456789abcdef0123456789abcdef')).toEqual([]);
    expect(problems('/health/ready')).toEqual([]);
  });

  it.each([
    ['/articles?q=a%00b', 'q', /NUL/],
    ['/articles?agency=%07', 'agency', /control character/],
    ['/articles?q=%C2%85', 'q', /control character/],
    ['/articles?q=%ED%A0%80', 'q', /not valid UTF-8/],
    ['/articles?q=%C3%28', 'q', /not valid UTF-8/],
    ['/articles?q=%zz', 'q', /malformed percent-encoding/],
    ['/articles?q=%E', 'q', /malformed percent-encoding/],
    [`/articles?q=${'a'.repeat(65)}`, 'q', /longer than 64 bytes/],
    [`/articles?q=${'%C3%A9'.repeat(33)}`, 'q', /longer than 64 bytes/],
    ['/articles/abc%00', 'path', /NUL/],
    ['/entities/%FF', 'path', /not valid UTF-8/],
    ['/articles?q%00=x', '(parameter name)', /NUL/],
  ])('refuses %s, naming %s', (target, parameter, message) => {
    const found = problems(target);
    expect(found).toEqual([expect.objectContaining({ parameter })]);
    expect(found[0].message).toMatch(message);
  });

  it('counts bytes, not characters, against the limit', () => {
    expect(problems(`/articles?q=${'%C3%A9'.repeat(32)}`)).toEqual([]);
  });

  it('refuses more query parameters than it checks', () => {
    const target = `/articles?${Array.from({ length: MAX_QUERY_PARAMETERS + 1 }, (_, index) => `p${index}=1`).join('&')}`;
    expect(problems(target)).toEqual([{ parameter: '(query)', message: `has more than ${MAX_QUERY_PARAMETERS} parameters` }]);
  });
});
