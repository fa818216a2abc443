import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table wider than a phone's screen scrolls sideways inside its own region, which keyboard users
 * can focus and scroll too (axe: scrollable-region-focusable).
 */
export function ScrollTable({ label, minWidth, visibleFrom, children }: { label: string; minWidth: number; visibleFrom?: 'sm'; children: ReactNode }) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0} role="region" aria-label={label} {...(visibleFrom ? { visibleFrom } : {})}>
      {children}
    </Table.ScrollContainer>
  );
}
