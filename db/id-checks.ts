import type { IdCheckOutcome, IdRejectReason } from '../core/idcheck/types.js';
import type { Db } from './database.js';

/** What is kept of a check: its outcome and a keyed hash of the document, never the document. */
export interface IdCheckRecord {
  id: number;
  at: number;
  verdict: IdCheckOutcome['verdict'];
  reasons: IdRejectReason[];
  document: IdCheckOutcome['document'];
  ageBracket: IdCheckOutcome['ageBracket'];
  supplement: IdCheckOutcome['supplement'];
  documentHash: string | null;
  source: 'kiosk' | 'counter' | 'host_scanner';
}

interface IdCheckRow {
  id: number;
  at: number;
  verdict: string;
  reasons: string;
  format: string | null;
  document_type: string | null;
  issuing_state: string | null;
  expires_on: string | null;
  age_bracket: string | null;
  document_hash: string | null;
  source: string;
}

function toRecord(r: IdCheckRow): IdCheckRecord {
  const reasons = JSON.parse(r.reasons) as IdRejectReason[];
  return {
    id: r.id,
    at: r.at,
    verdict: r.verdict as IdCheckRecord['verdict'],
    reasons,
    document:
      r.format && r.document_type && r.issuing_state
        ? { format: r.format, type: r.document_type, issuingState: r.issuing_state, expiresOn: r.expires_on } as NonNullable<IdCheckRecord['document']>
        : null,
    ageBracket: r.age_bracket as IdCheckRecord['ageBracket'],
    // The supplement follows from the verdict; it is not stored twice.
    supplement: r.verdict === 'supplement_required' ? 'health_card_or_residence_certificate' : null,
    documentHash: r.document_hash,
    source: r.source as IdCheckRecord['source'],
  };
}

export class IdCheckRepository {
  private readonly insert;
  private readonly byId;
  private readonly sameDocumentSince;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO id_checks (at, verdict, reasons, format, document_type, issuing_state, expires_on, age_bracket, document_hash, source)
       VALUES (@at, @verdict, @reasons, @format, @documentType, @issuingState, @expiresOn, @ageBracket, @documentHash, @source)`,
    );
    this.byId = db.prepare<[number], IdCheckRow>('SELECT * FROM id_checks WHERE id = ?');
    this.sameDocumentSince = db.prepare<[string, number], { n: number }>(
      'SELECT count(*) AS n FROM id_checks WHERE document_hash = ? AND at >= ?',
    );
  }

  create(record: Omit<IdCheckRecord, 'id'>): IdCheckRecord {
    const result = this.insert.run({
      at: record.at,
      verdict: record.verdict,
      reasons: JSON.stringify(record.reasons),
      format: record.document?.format ?? null,
      documentType: record.document?.type ?? null,
      issuingState: record.document?.issuingState ?? null,
      expiresOn: record.document?.expiresOn ?? null,
      ageBracket: record.ageBracket,
      documentHash: record.documentHash,
      source: record.source,
    });
    return { ...record, id: Number(result.lastInsertRowid) };
  }

  get(id: number): IdCheckRecord | undefined {
    const row = this.byId.get(id);
    return row ? toRecord(row) : undefined;
  }

  /** How often the same document was scanned since `since` (a citizen retrying, or sent home before). */
  countSameDocument(documentHash: string, since: number): number {
    return this.sameDocumentSince.get(documentHash, since)!.n;
  }
}
