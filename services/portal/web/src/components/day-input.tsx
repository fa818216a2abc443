import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatDate, parseDay } from '../format.js';

/**
 * A day typed as dd/mm/yyyy, whatever the browser's language (a native date field shows the
 * browser's own order, often mm/dd/yyyy). Reports the ISO date, or null while it is not a valid day.
 */
export function DayInput({ label, value, onChange }: { label: string; value: string | null; onChange: (iso: string | null) => void }) {
  const [text, setText] = useState(value ? formatDate(value) : '');
  const invalid = text.trim() !== '' && parseDay(text) === null;
  return (
    <TextInput
      label={label}
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      autoComplete="off"
      value={text}
      error={invalid ? 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 20/07/2025.' : undefined}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(parseDay(e.currentTarget.value));
      }}
    />
  );
}
