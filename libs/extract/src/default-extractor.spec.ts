describe('the default extractor', () => {
  it('reads the committed model on first use, not on import, and only once', () => {
    jest.isolateModules(() => {
      const actual = jest.requireActual<typeof import('./ner-model-file')>('./ner-model-file');
      const loadModel = jest.fn(actual.loadModel);
      jest.doMock('./ner-model-file', () => ({ ...actual, loadModel }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const lib = require('./index') as typeof import('./index');
      expect(loadModel).not.toHaveBeenCalled();
      expect(lib.extractorVersion()).toMatch(/^ner-\d+\.\d+\.\d+\+[0-9a-f]{8}\.quotes-\d+$/);
      expect(loadModel).toHaveBeenCalledTimes(1);
      expect(lib.extractEntities('Antony Blinken met Park Jin in Seoul.').map((e) => e.key)).toContain('GPE:seoul');
      expect(lib.extractorVersion()).toBe(`${lib.defaultRecognizer().version}.quotes-${lib.QUOTE_RULES_VERSION}`);
      expect(loadModel).toHaveBeenCalledTimes(1);
    });
  });
});
