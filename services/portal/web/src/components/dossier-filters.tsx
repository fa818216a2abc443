import { Grid, Select, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { dossierApi } from '../api/client.js';
import type { components } from '../api/generated/dossier-api.js';

type Track = components['schemas']['Track'];
export type Option = { value: string; label: string };

/** The list's filters as they stand in the page address (?district=…&track=…&year=…&stage=…&late=…), so a link can be shared. */
export const filterNames = ['district', 'track', 'year', 'stage', 'late'] as const;
export type FilterName = (typeof filterNames)[number];
export type Filters = Partial<Record<FilterName, string>>;

export function filtersFrom(search: string): Filters {
  const params = new URLSearchParams(search);
  return Object.fromEntries(filterNames.flatMap((name) => (params.get(name) ? [[name, params.get(name)]] : [])));
}

/** District and track names come from the catalog: the province's districts (for the provincial office) and every track with its stages. */
export function useFilterCatalog(provinceCode: string | null) {
  const [districts, setDistricts] = useState<Option[]>([]);
  const [tracks, setTracks] = useState<Track[]>([]);
  useEffect(() => {
    void dossierApi.GET('/catalog/tracks').then(({ data }) => setTracks(data ?? []));
    if (provinceCode !== null) {
      void dossierApi.GET('/catalog/units', { params: { query: { province: provinceCode, level: 'district', page: 1, pageSize: 200 } } }).then(({ data }) => setDistricts((data?.items ?? []).map((u) => ({ value: u.code, label: u.name }))));
    }
  }, [provinceCode]);
  return { districts, tracks };
}

/** The stages to filter by: the chosen track's; without one, each stage code once, named by every track that has it. */
function stageOptions(tracks: Track[], track: string | undefined): Option[] {
  const names = new Map<string, string[]>();
  for (const s of tracks.filter((t) => track === undefined || t.code === track).flatMap((t) => t.stages)) {
    const known = names.get(s.code) ?? [];
    if (!known.includes(s.name)) names.set(s.code, [...known, s.name]);
  }
  return [...names].map(([value, labels]) => ({ value, label: labels.join(' / ') }));
}

const lateOptions: Option[] = [
  { value: 'true', label: 'Trễ hạn' },
  { value: 'false', label: 'Chưa trễ hạn' },
];

/** The provincial office's (and a district's) filters over the dossier list; every change goes to the page address. */
export function DossierFilters({ filters, onChange, districts, tracks }: { filters: Filters; onChange: (next: Filters) => void; districts: Option[]; tracks: Track[] }) {
  const set = (name: FilterName, value: string | null) => onChange({ ...filters, [name]: value ?? undefined, ...(name === 'track' ? { stage: undefined } : {}) });
  const [year, setYear] = useState(filters.year ?? '');
  useEffect(() => setYear(filters.year ?? ''), [filters.year]);
  // On a phone the short filters (year, lateness) share a row, so the list starts higher; a long name ends in "…".
  const wide = { base: 12, xs: 6, md: districts.length > 0 ? 3 : 4 };
  const narrow = { base: 6, md: districts.length > 0 ? 1.5 : 2 };
  const ellipsis = { input: { textOverflow: 'ellipsis' } };
  return (
    <Grid gap="sm" component="form" aria-label="Lọc hồ sơ" onSubmit={(e) => e.preventDefault()}>
      {districts.length > 0 && (
        <Grid.Col span={wide}>
          <Select label="Huyện" placeholder="Tất cả các huyện" data={districts} value={filters.district ?? null} onChange={(v) => set('district', v)} clearable searchable styles={ellipsis} />
        </Grid.Col>
      )}
      <Grid.Col span={wide}>
        <Select label="Loại hồ sơ" placeholder="Tất cả các loại" data={tracks.map((t) => ({ value: t.code, label: t.name }))} value={filters.track ?? null} onChange={(v) => set('track', v)} clearable styles={ellipsis} />
      </Grid.Col>
      <Grid.Col span={wide}>
        <Select label="Bước hiện tại" placeholder="Tất cả các bước" data={stageOptions(tracks, filters.track)} value={filters.stage ?? null} onChange={(v) => set('stage', v)} clearable styles={ellipsis} />
      </Grid.Col>
      <Grid.Col span={narrow}>
        <TextInput
          label="Năm"
          placeholder="Tất cả"
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.currentTarget.value.replace(/\D/g, '').slice(0, 4))}
          onBlur={() => set('year', year.length === 4 ? year : null)}
          onKeyDown={(e) => e.key === 'Enter' && set('year', year.length === 4 ? year : null)}
        />
      </Grid.Col>
      <Grid.Col span={narrow}>
        <Select label="Thời hạn" placeholder="Tất cả" data={lateOptions} value={filters.late ?? null} onChange={(v) => set('late', v)} clearable />
      </Grid.Col>
    </Grid>
  );
}
