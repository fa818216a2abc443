import type { Db } from '@ntm/db';

// Generated data for `pnpm bench:report`, written with a few set-based SQL statements: names and
// results are made up (deterministic hashes), the criteria are the seed catalog's national set.

const communeSet = 'XA-NTM-2021-2025';
const villageSet = 'BP-THON';

/** The benchmark province and its own 15-criteria village set (generated names). */
export function benchProvinceCatalog(): unknown {
  return {
    format: 'ntm-catalog/1',
    province: { code: 'BP', name: 'Tỉnh Thử Tải', hasDistrictStage: true },
    units: [{ code: 'BP', name: 'Tỉnh Thử Tải', level: 'province', parentCode: null, validFrom: '2020-01-01' }],
    criteriaSets: [
      {
        code: villageSet,
        name: 'Bộ tiêu chí thôn, bản (thử tải)',
        legalBasis: 'Dữ liệu thử tải',
        unitLevel: 'village',
        validFromYear: 2021,
        validToYear: 2025,
        ownerProvinceCode: 'BP',
        isSample: true,
        criteria: Array.from({ length: 15 }, (_, i) => ({
          number: i + 1,
          code: `V${String(i + 1).padStart(2, '0')}`,
          name: `Tiêu chí thôn ${i + 1}`,
          indicators: [{ code: `V${i + 1}.1`, name: `Chỉ tiêu ${i + 1}`, thresholdKind: 'boolean', thresholds: { default: true } }],
        })),
      },
    ],
  };
}

/**
 * BP: 10 districts × 30 communes × 10 villages with quarterly records 2021–2025 (20 quarters);
 * 33 more provinces of 10 × 30 communes with the four quarters of 2025; targets for a tenth of BP.
 */
export async function insertBenchData(db: Db): Promise<{ communes: number; provinceCommunes: number; villages: number; records: number }> {
  await db.$executeRaw`
    INSERT INTO administrative_units (code, level, name, search_name, parent_code, province_code, valid_from, updated_at)
    SELECT 'CP' || lpad(p::text, 2, '0'), 'province', 'Tỉnh Thử ' || p, 'tinh thu ' || p, NULL, 'CP' || lpad(p::text, 2, '0'), '2020-01-01', now()
    FROM generate_series(1, 33) p`;
  await db.$executeRaw`
    INSERT INTO administrative_units (code, level, name, search_name, parent_code, province_code, valid_from, updated_at)
    SELECT prov || '-D' || lpad(d::text, 2, '0'), 'district', 'Huyện Thử ' || d, 'huyen thu ' || d, prov, prov, '2020-01-01', now()
    FROM (SELECT code AS prov FROM administrative_units WHERE level = 'province' AND (code = 'BP' OR code LIKE 'CP%')) p, generate_series(1, 10) d`;
  await db.$executeRaw`
    INSERT INTO administrative_units (code, level, name, search_name, parent_code, province_code, valid_from, updated_at)
    SELECT u.code || '-C' || lpad(c::text, 2, '0'), 'commune', 'Xã Thử ' || c || ' ' || right(u.code, 3), 'xa thu ' || c, u.code, u.province_code, '2020-01-01', now()
    FROM administrative_units u, generate_series(1, 30) c
    WHERE u.level = 'district' AND (u.province_code = 'BP' OR u.province_code LIKE 'CP%')`;
  await db.$executeRaw`
    INSERT INTO administrative_units (code, level, name, search_name, parent_code, province_code, valid_from, updated_at)
    SELECT u.code || '-V' || lpad(v::text, 2, '0'), 'village', 'Bản Thử ' || v, 'ban thu ' || v, u.code, 'BP', '2020-01-01', now()
    FROM administrative_units u, generate_series(1, 10) v
    WHERE u.level = 'commune' AND u.province_code = 'BP'`;
  const quarter = (q: string) => `(date '2021-01-01' + ((${q}) + 1) * interval '3 months' - interval '1 day')::date`;
  const insertRecords = (levelAndProvince: string, set: string, quarters: string) => `
    INSERT INTO unit_status_records (id, unit_code, province_code, criteria_set_code, criterion_code, indicator_code, recorded_on, met, source, recorded_by)
    SELECT gen_random_uuid(), u.code, u.province_code, c.criteria_set_code, c.code, '', ${quarter('q')},
      abs(hashtext(u.code || c.code)) % 100 < 45 + q * 2,
      CASE WHEN abs(hashtext(u.code || c.code || q::text)) % 3 = 0 THEN 'appraisal' ELSE 'self_assessment' END, 'bench'
    FROM administrative_units u, criteria c, generate_series(${quarters}) q
    WHERE ${levelAndProvince} AND c.criteria_set_code = '${set}'`;
  let records = 0;
  records += await db.$executeRawUnsafe(insertRecords(`u.level = 'commune' AND u.province_code = 'BP'`, communeSet, '0, 19'));
  records += await db.$executeRawUnsafe(insertRecords(`u.level = 'village' AND u.province_code = 'BP'`, villageSet, '0, 19'));
  records += await db.$executeRawUnsafe(insertRecords(`u.level = 'commune' AND u.province_code LIKE 'CP%'`, communeSet, '16, 19'));
  await db.$executeRaw`
    INSERT INTO unit_targets (unit_code, track_code, province_code, target_year, set_by, updated_at)
    SELECT code, 'COMMUNE_NTM', 'BP', 2025 + abs(hashtext(code)) % 2, 'bench', now()
    FROM administrative_units WHERE level = 'commune' AND province_code = 'BP' AND abs(hashtext(code || 't')) % 10 = 0`;
  await db.$executeRaw`ANALYZE`;
  const count = (where: string) => db.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM administrative_units WHERE ${where}`).then((r) => Number(r[0]?.n ?? 0));
  return { communes: await count(`level = 'commune'`), provinceCommunes: await count(`level = 'commune' AND province_code = 'BP'`), villages: await count(`level = 'village' AND province_code = 'BP'`), records };
}
