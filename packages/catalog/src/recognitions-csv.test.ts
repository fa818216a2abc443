import { describe, expect, it } from 'vitest';
import { parseRecognitionsCsv } from './recognitions-csv.js';

const header = 'unit_code,track_code,year,decision_number,signed_on,signer,signer_title';

describe('parseRecognitionsCsv', () => {
  it('reads rows, an empty signer title as null', () => {
    const r = parseRecognitionsCsv(`\uFEFF${header}\nC1,T,2019,12/QĐ-UBND,2019-12-20,Nguyễn Văn A,Phó Chủ tịch\nC2,T,2020,3/QĐ-UBND,2020-02-01,Lê Thị B,\n`);
    expect(r).toEqual({
      ok: true,
      rows: [
        { unitCode: 'C1', trackCode: 'T', year: 2019, decisionNumber: '12/QĐ-UBND', signedOn: '2019-12-20', signer: 'Nguyễn Văn A', signerTitle: 'Phó Chủ tịch' },
        { unitCode: 'C2', trackCode: 'T', year: 2020, decisionNumber: '3/QĐ-UBND', signedOn: '2020-02-01', signer: 'Lê Thị B', signerTitle: null },
      ],
    });
  });

  it('names each bad cell by its spreadsheet row and column', () => {
    const r = parseRecognitionsCsv(`${header}\nC1,T,2019,12/QĐ-UBND,2019-12-20,A,\nC2,T,năm ngoái,4/QĐ,2020-13-01,,\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.location).sort()).toEqual(['body.rows.3.signed_on', 'body.rows.3.signer', 'body.rows.3.year']);
  });

  it('refuses a missing or unknown column, and a file without rows', () => {
    expect(parseRecognitionsCsv('unit_code,track_code,year,so_qd\n')).toMatchObject({ ok: false, errors: [{ location: 'body.header' }] });
    expect(parseRecognitionsCsv(`${header}\n`)).toMatchObject({ ok: false, errors: [{ location: 'body', message: 'tệp CSV không có dòng dữ liệu nào' }] });
  });
});
