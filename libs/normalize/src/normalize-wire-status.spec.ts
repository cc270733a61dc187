import { sha256Hex, type FeedItem, type RawDocumentV1, type WireStatus } from '@wirestream/contracts';
import { normalizeDocument } from './index';

function document(body: string, item: Partial<FeedItem>): RawDocumentV1 {
  return {
    schemaVersion: 1,
    articleId: 'aabbccddeeff00112233445566778899',
    source: { id: 'agency', kind: 'file-drop', uri: '/drop' },
    documentUri: '/drop/item.json',
    fetchedAt: '2030-03-02T10:00:00.000Z',
    format: 'feed-item',
    charset: 'utf-8',
    body,
    contentHash: sha256Hex(body),
    feedItem: { title: 'Dam opens its gates', link: null, guid: 'urn:wire:dam', publishedAt: null, author: null, categories: [], ...item },
  };
}

describe('the wire status of a feed item', () => {
  it('travels with the article as the format stated it', () => {
    const wire: WireStatus = { agencyItemId: 'urn:wire:dam', version: 2, versionLabel: null, pubStatus: 'canceled', statusNote: 'Kill: wrong dam.', embargoedUntil: '2030-03-03T00:00:00.000Z', correction: true };
    expect(normalizeDocument(document('The dam opened its gates on Monday.', { wire })).wire).toEqual(wire);
  });

  it('is absent when the item states none', () => {
    expect(normalizeDocument(document('The dam opened its gates on Monday.', {})).wire).toBeUndefined();
  });
});
