import type { Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';

/**
 * The campaign view's filter values checked against the catalog: a district of the province, a
 * department of the province, a criterion of a national set or one of the province's own. An
 * unknown value is a 400 naming each such field, rather than an empty view that looks like good news.
 */
export async function checkCampaignFilter(db: Db, provinceCode: string, q: { district?: string | undefined; department?: string | undefined; criterion?: string | undefined }): Promise<void> {
  const [district, department, criterion] = await Promise.all([
    q.district === undefined ? true : db.administrativeUnit.findFirst({ where: { code: q.district, level: 'district', provinceCode }, select: { code: true } }),
    q.department === undefined ? true : db.department.findUnique({ where: { provinceCode_code: { provinceCode, code: q.department } }, select: { code: true } }),
    q.criterion === undefined ? true : db.criterion.findFirst({ where: { code: q.criterion, criteriaSet: { OR: [{ ownerProvinceCode: null }, { ownerProvinceCode: provinceCode }] } }, select: { code: true } }),
  ]);
  const errors: Array<{ location: string; message: string }> = [];
  if (!district) errors.push({ location: 'querystring.district', message: `không có huyện "${q.district ?? ''}" thuộc tỉnh trong danh mục` });
  if (!department) errors.push({ location: 'querystring.department', message: `không có sở/phòng "${q.department ?? ''}" của tỉnh trong danh mục` });
  if (!criterion) errors.push({ location: 'querystring.criterion', message: `không có tiêu chí "${q.criterion ?? ''}" trong các bộ tiêu chí tỉnh áp dụng` });
  if (errors.length > 0) throw new HttpProblem('validation', 'Bộ lọc của đợt rà soát có giá trị không có trong danh mục.', errors);
}
