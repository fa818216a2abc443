import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { dossierApi } from '../api/client.js';

/** A department of the province, from the catalog; empty until a province is chosen. */
export function DepartmentPicker({ provinceCode, value, onChange, error }: { provinceCode: string | null; value: string | null; onChange: (code: string | null) => void; error?: string | undefined }) {
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);

  useEffect(() => {
    if (provinceCode === null) {
      setOptions([]);
      return;
    }
    let live = true;
    void dossierApi.GET('/catalog/provinces/{code}/departments', { params: { path: { code: provinceCode } } }).then(({ data }) => {
      if (live) setOptions((data ?? []).map((d) => ({ value: d.code, label: `${d.name} (${d.code})` })));
    });
    return () => {
      live = false;
    };
  }, [provinceCode]);

  return (
    <Select
      label="Sở, ngành"
      placeholder={provinceCode === null ? 'Chọn tỉnh trước' : 'Chọn sở, ngành'}
      required
      searchable
      data={value !== null && !options.some((o) => o.value === value) ? [{ value, label: value }, ...options] : options}
      value={value}
      onChange={onChange}
      disabled={provinceCode === null}
      nothingFoundMessage="Không có sở, ngành"
      error={error}
    />
  );
}
