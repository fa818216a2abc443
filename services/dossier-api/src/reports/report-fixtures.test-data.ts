import { randomUUID } from 'node:crypto';
import { catalogFormat, type CatalogFileInput } from '@ntm/contracts';
import type { Db } from '@ntm/db';

/**
 * Test province P1 (the catalog fixtures' P1: district P1-D1 with Sơn Bình and Giang Ma, village
 * Bản Nà Khum) grown by a second district with three communes and a second village, so every
 * figure of the report is known by construction. Names are test data.
 */
export function reportProvinceFixture(): CatalogFileInput {
  const from = '2020-01-01';
  return {
    format: catalogFormat,
    province: { code: 'P1', name: 'Tỉnh Thử', hasDistrictStage: true, placeNames: { P1: 'Thử', 'P1-D1': 'Một' } },
    units: [
      { code: 'P1-D2', name: 'Huyện Hai', level: 'district', parentCode: 'P1', validFrom: from },
      { code: 'P1-D2-C3', name: 'Xã Tà Mung', level: 'commune', parentCode: 'P1-D2', validFrom: from },
      { code: 'P1-D2-C4', name: 'Xã Khoen On', level: 'commune', parentCode: 'P1-D2', validFrom: from },
      { code: 'P1-D2-C5', name: 'Xã Mỹ Lý', level: 'commune', parentCode: 'P1-D2', validFrom: from },
      { code: 'P1-D1-C1-B2', name: 'Bản Hua Pầu', level: 'village', parentCode: 'P1-D1-C1', validFrom: from },
    ],
  };
}

/**
 * A recognition decided on `signedOn` for the unit, with the dossier row it belongs to; `revoked`
 * marks it revoked as the record keeps it today (a status without a date).
 */
export async function insertRecognition(db: Db, unitCode: string, signedOn: string, revoked = false): Promise<void> {
  const dossierId = randomUUID();
  await db.dossier.create({
    data: { id: dossierId, trackingCode: `TEST-${dossierId.slice(0, 8)}`, unitCode, provinceCode: 'P1', trackCode: 'T-NTM', year: Number(signedOn.slice(0, 4)), criteriaSetCode: 'SET-A', stage: 'RECOGNISED', createdBy: 'test' },
  });
  const decisionId = randomUUID();
  await db.decision.create({ data: { id: decisionId, dossierId, provinceCode: 'P1', outcome: 'recognised', number: `${dossierId.slice(0, 4)}/QĐ-UBND`, signedOn: new Date(signedOn), signedYear: Number(signedOn.slice(0, 4)) } });
  await db.recognition.create({ data: { unitCode, trackCode: 'T-NTM', year: Number(signedOn.slice(0, 4)), decisionId, status: revoked ? 'revoked' : 'active' } });
}

/**
 * Status records as the province's spreadsheet has them, on 31/03/2024: Sơn Bình 3/3 (appraisal),
 * Giang Ma 3/3, Tà Mung 2/3, Khoen On 1/3, Mỹ Lý nothing; Bản Nà Khum 2/2, Bản Hua Pầu 1/2. Names
 * spelled as people write them (no diacritics, i for y, old tone placement), codes where given.
 */
export const spreadsheetCsv = [
  'Mã đơn vị,Tên đơn vị,Đơn vị cấp trên,Tiêu chí,Ngày,Kết quả,Nguồn',
  'P1-D1-C1,,,1,31/03/2024,Đạt,Thẩm định',
  'P1-D1-C1,,,2,31/03/2024,Đạt,Thẩm định',
  'P1-D1-C1,,,3,31/03/2024,Đạt,Thẩm định',
  ',xa Giang Ma,Huyện Một,Quy hoạch,31/03/2024,đạt,tự đánh giá',
  ',xa Giang Ma,Huyện Một,Giao thông,31/03/2024,đạt,tự đánh giá',
  ',xa Giang Ma,Huyện Một,Thu nhập,31/03/2024,đạt,tự đánh giá',
  ',Tà Mung,,TC 1,2024-03-31,đạt,',
  ',Tà Mung,,TC 2,2024-03-31,đạt,',
  ',Tà Mung,,TC 3,2024-03-31,chưa đạt,',
  ',Xã Khoen On,,Tiêu chí số 1,2024-03-31,x,',
  ',Xã Khoen On,,Tiêu chí số 2,2024-03-31,chưa đạt,',
  ',Bản Nà Khum,,V1,2024-03-31,đạt,',
  ',Bản Nà Khum,,V2,2024-03-31,đạt,',
  ',Bản Hua Pầu,Xã Sơn Bình,V1,2024-03-31,đạt,',
  ',Bản Hua Pầu,Xã Sơn Bình,V2,2024-03-31,chưa đạt,',
  '',
].join('\r\n');
