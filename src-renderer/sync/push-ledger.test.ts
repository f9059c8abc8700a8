// The push ledger remembers the server's answers by document id and state, so RxDB's retry of a batch sends only
// what the server has not answered, whatever array RxDB passes the second time.
import { describe, expect, it } from 'vitest';
import { makeOpinion } from '../../src-shared/testing/factories';
import { PushLedger, pushedDocumentOf } from './push-ledger';

describe('the push ledger', () => {
  it('knows a stored document again in a new array of the same batch, and a changed one as new', () => {
    const ledger = new PushLedger<{ id: string }>();
    const opinion = makeOpinion({ title: '村道路灯不亮' });
    ledger.answered(pushedDocumentOf(opinion), null);

    // RxDB's retry: the same states, other objects.
    expect(ledger.isAnswered(pushedDocumentOf(structuredClone(opinion)))).toBe(true);
    // The clerk changed it since: a new state, to be sent.
    expect(ledger.isAnswered(pushedDocumentOf({ ...opinion, title: '村道路灯仍不亮' }))).toBe(false);
    expect(ledger.isAnswered(pushedDocumentOf(makeOpinion()))).toBe(false);
  });

  it('keeps a refusal by id until the document is answered, whatever state it is sent in', () => {
    const ledger = new PushLedger<{ id: string }>();
    const opinion = makeOpinion();
    ledger.refused(pushedDocumentOf(opinion));
    expect(ledger.wasRefused(pushedDocumentOf({ ...opinion }))).toBe(true);
    ledger.answered(pushedDocumentOf(opinion), null);
    expect(ledger.wasRefused(pushedDocumentOf(opinion))).toBe(false);
  });

  it('returns the conflicts of a settled batch and forgets its documents', () => {
    const ledger = new PushLedger<{ id: string; title: string }>();
    const stored = makeOpinion({ title: '已存' });
    const conflicting = makeOpinion({ title: '冲突' });
    const master = { id: conflicting.id, title: '服务器上的版本' };
    const batch = [pushedDocumentOf(stored), pushedDocumentOf(conflicting)];
    ledger.answered(batch[0]!, null);
    ledger.answered(batch[1]!, master);

    expect(ledger.settle(batch.map((doc) => ({ ...doc })))).toEqual([master]);
    expect(ledger.isAnswered(batch[0]!)).toBe(false);
    expect(ledger.settle(batch)).toEqual([]);
  });
});
