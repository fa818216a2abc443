import { Box, Group, Stack, Text } from '@mantine/core';
import { formatNumber } from '../format.js';

export type Bar = { label: string; value: number };

/**
 * A horizontal bar chart drawn with CSS: each bar's label, its length against the largest value and
 * its figure written out, so the chart reads without colour and at 360 px (no chart library).
 */
export function BarChart({ title, bars, unit }: { title: string; bars: Bar[]; unit: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <Box component="figure" m={0} aria-label={title}>
      <Text component="figcaption" fw={600} mb="xs">
        {title}
      </Text>
      <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {bars.map((b) => (
          <Box component="li" key={b.label}>
            <Text size="sm" lineClamp={2}>
              {b.label}
            </Text>
            <Group gap="xs" wrap="nowrap">
              {b.value > 0 && <Box h={14} miw={2} bg="teal.6" style={{ width: `${(b.value / max) * 85}%`, borderRadius: 2 }} aria-hidden />}
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatNumber(b.value)} {unit}
              </Text>
            </Group>
          </Box>
        ))}
      </Stack>
    </Box>
  );
}
