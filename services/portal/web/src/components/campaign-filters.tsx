import { Grid, Select, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { dossierApi } from '../api/client.js';
import type { Option } from './dossier-filters.js';

/** The campaign page's state as it stands in the page address (?year=…&district=…&department=…&criterion=…&bucket=…&page=…). */
export const campaignParams = ['year', 'district', 'department', 'criterion', 'bucket', 'page'] as const;
export type CampaignParam = (typeof campaignParams)[number];
export type CampaignState = Partial<Record<CampaignParam, string>>;

export function campaignStateFrom(search: string): CampaignState {
  const params = new URLSearchParams(search);
  return Object.fromEntries(campaignParams.flatMap((name) => (params.get(name) ? [[name, params.get(name)]] : [])));
}

export function campaignAddress(state: CampaignState): string {
  const params = new URLSearchParams();
  for (const name of campaignParams) if (state[name]) params.set(name, state[name]);
  const query = params.toString();
  return query ? `/ra-soat?${query}` : '/ra-soat';
}

/**
 * The province's departments and the criteria of the sets in force that year for each track, from
 * the catalog: the names a person picks by (the API takes their codes).
 */
export function useCampaignCatalog(provinceCode: string | null, year: number, trackCodes: readonly string[]) {
  const [departments, setDepartments] = useState<Option[]>([]);
  const [criteria, setCriteria] = useState<Option[]>([]);
  useEffect(() => {
    if (provinceCode === null) return;
    void dossierApi.GET('/catalog/provinces/{code}/departments', { params: { path: { code: provinceCode } } }).then(({ data }) => setDepartments((data ?? []).map((d) => ({ value: d.code, label: d.name }))));
  }, [provinceCode]);
  const tracks = trackCodes.join(',');
  useEffect(() => {
    if (provinceCode === null || trackCodes.length === 0) return;
    const sets = trackCodes.map((code) => dossierApi.GET('/catalog/tracks/{code}/criteria-set-in-force', { params: { path: { code }, query: { year, province: provinceCode } } }));
    void Promise.all(sets).then((answers) => {
      // A track without a set in force that year offers nothing; a code shared by several sets is listed once.
      const names = new Map<string, string>();
      for (const c of answers.flatMap((a) => a.data?.criteria ?? [])) if (!names.has(c.code)) names.set(c.code, `${c.code} · ${c.name}`);
      setCriteria([...names].map(([value, label]) => ({ value, label })));
    });
  }, [provinceCode, year, tracks]);
  return { departments, criteria };
}

type Lists = { districts: Option[]; departments: Option[]; criteria: Option[] };

/** Year, district, department and criterion; every change goes to the page address. */
export function CampaignFilters({ state, onChange, lists }: { state: CampaignState; onChange: (next: CampaignState) => void; lists: Lists }) {
  const set = (name: CampaignParam, value: string | null) => onChange({ ...state, [name]: value ?? undefined, page: undefined });
  const [year, setYear] = useState(state.year ?? '');
  useEffect(() => setYear(state.year ?? ''), [state.year]);
  const commitYear = () => set('year', year.length === 4 ? year : null);
  const ellipsis = { input: { textOverflow: 'ellipsis' } };
  const wide = { base: 12, xs: 6, md: 3.5 };
  return (
    <Grid gap="sm" component="form" aria-label="Lọc đợt rà soát" onSubmit={(e) => e.preventDefault()}>
      <Grid.Col span={{ base: 12, xs: 6, md: 1.5 }}>
        <TextInput label="Năm" inputMode="numeric" value={year} onChange={(e) => setYear(e.currentTarget.value.replace(/\D/g, '').slice(0, 4))} onBlur={commitYear} onKeyDown={(e) => e.key === 'Enter' && commitYear()} />
      </Grid.Col>
      <Grid.Col span={wide}>
        <Select label="Huyện" placeholder="Tất cả các huyện" data={lists.districts} value={state.district ?? null} onChange={(v) => set('district', v)} clearable searchable styles={ellipsis} />
      </Grid.Col>
      <Grid.Col span={wide}>
        <Select label="Sở, ngành" placeholder="Tất cả các sở, ngành" data={lists.departments} value={state.department ?? null} onChange={(v) => set('department', v)} clearable searchable styles={ellipsis} />
      </Grid.Col>
      <Grid.Col span={wide}>
        <Select label="Tiêu chí chưa đạt" placeholder="Tất cả các tiêu chí" data={lists.criteria} value={state.criterion ?? null} onChange={(v) => set('criterion', v)} clearable searchable styles={ellipsis} />
      </Grid.Col>
    </Grid>
  );
}
