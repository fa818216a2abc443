import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { UnitLevel } from '@ntm/domain';
import { useEffect, useState } from 'react';
import { dossierApi } from '../api/client.js';

type Option = { value: string; label: string };

const optionOf = (u: { code: string; name: string }): Option => ({ value: u.code, label: `${u.name} (${u.code})` });

/**
 * A unit of the catalog, found by name as typed (the API's search accepts missing diacritics), at
 * one level or any. Names come from the catalog, never from the page.
 */
export function UnitPicker({ label, level, value, onChange, error, required }: { label: string; level: UnitLevel | null; value: string | null; onChange: (code: string | null) => void; error?: string | undefined; required?: boolean }) {
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 250);
  const [options, setOptions] = useState<Option[]>([]);
  const [selected, setSelected] = useState<Option | null>(null);

  useEffect(() => {
    const q = typed.trim();
    // The label of the chosen unit is what the field shows: no search for it.
    if (selected !== null && q === selected.label) return;
    let live = true;
    void dossierApi.GET('/catalog/units', { params: { query: { page: 1, pageSize: 20, ...(level === null ? {} : { level }), ...(q === '' ? {} : { q }) } } }).then(({ data }) => {
      if (live) setOptions((data?.items ?? []).map(optionOf));
    });
    return () => {
      live = false;
    };
  }, [typed, level]);

  useEffect(() => {
    if (value === null) {
      setSelected(null);
      return;
    }
    if (selected?.value === value) return;
    const known = options.find((o) => o.value === value);
    if (known) {
      setSelected(known);
      return;
    }
    void dossierApi.GET('/catalog/units/{code}', { params: { path: { code: value } } }).then(({ data }) => setSelected(data ? optionOf(data) : { value, label: value }));
  }, [value]);

  const data = selected === null || options.some((o) => o.value === selected.value) ? options : [selected, ...options];
  return (
    <Select
      label={label}
      placeholder="Gõ tên để tìm"
      searchable
      clearable
      required={required ?? false}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      // The API has searched already (diacritics optional): keep every option it answered.
      filter={({ options: all }) => all}
      nothingFoundMessage="Không tìm thấy đơn vị"
      onChange={(code) => {
        setSelected(data.find((o) => o.value === code) ?? null);
        onChange(code);
      }}
      error={error}
    />
  );
}
