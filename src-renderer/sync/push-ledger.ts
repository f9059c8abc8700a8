// What the server has answered for each document of a push batch, kept across RxDB's retries of that batch: RxDB
// sends the same documents in the same states again until the handler succeeds (pinned in rxdb-internals.test.ts),
// so the answers are keyed by document id and state, never by the array RxDB happens to pass.

/** One document of a batch as the ledger knows it: its id (or, without one, its state) and its state as sent. */
export interface PushedDocument {
  readonly key: string;
  readonly state: string;
}

export function pushedDocumentOf(newDocumentState: unknown): PushedDocument {
  const state = JSON.stringify(newDocumentState);
  const id = (newDocumentState as { id?: unknown } | null)?.id;
  return { key: typeof id === 'string' ? id : state, state };
}

/** The server's answer for one document state: stored, or in conflict with the master state it returned. */
type Answer<M> = { state: string; conflict: M | null };

export class PushLedger<M> {
  readonly #answered = new Map<string, Answer<M>>();
  readonly #refused = new Set<string>();

  /** Whether the server already stored this state (or answered it with a conflict): no need to send it again. */
  isAnswered(doc: PushedDocument): boolean {
    return this.#answered.get(doc.key)?.state === doc.state;
  }

  answered(doc: PushedDocument, conflict: M | null): void {
    this.#answered.set(doc.key, { state: doc.state, conflict });
    this.#refused.delete(doc.key);
  }

  /** Refused by the server: the next attempt sends the document as it is stored here then (perhaps corrected). */
  refused(doc: PushedDocument): void {
    this.#refused.add(doc.key);
  }

  wasRefused(doc: PushedDocument): boolean {
    return this.#refused.has(doc.key);
  }

  /**
   * The batch went through: the conflicts the server returned for its documents (for RxDB to resolve), and the ledger
   * forgets them (a later change of the same document is a new state in a new batch).
   */
  settle(docs: readonly PushedDocument[]): M[] {
    const conflicts: M[] = [];
    for (const doc of docs) {
      const answer = this.#answered.get(doc.key);
      if (answer?.state === doc.state && answer.conflict !== null) conflicts.push(answer.conflict);
      this.#answered.delete(doc.key);
      this.#refused.delete(doc.key);
    }
    return conflicts;
  }
}
