import '@mantine/core/styles.css';
import { MantineProvider, createTheme, defaultVariantColorsResolver, parseThemeColor, type CSSVariablesResolver, type VariantColorsResolver } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';

// Text of "light" buttons and badges in the colour's darkest shade: Mantine's default falls under 4.5:1.
const variantColors: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (input.variant !== 'light' || !parsed.isThemeColor) return colors;
  const shade = (n: number) => `var(--mantine-color-${parsed.color}-${n})`;
  return { ...colors, background: shade(0), hover: shade(1), color: shade(9), hoverColor: shade(9) };
};

const theme = createTheme({
  primaryColor: 'teal',
  // Darker than Mantine's default shade, so white text on the primary colour keeps a 4.5:1 contrast.
  primaryShade: 9,
  variantColorResolver: variantColors,
  // Stage names read better in sentence case than in capitals with diacritics.
  components: { Badge: { defaultProps: { tt: 'none' } } },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});

// Mantine's light grey, red and link colours fall under WCAG's 4.5:1 on white: one shade darker each.
const contrast: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-error': t.colors.red[8] ?? '#e03131',
    '--mantine-color-anchor': t.colors.teal[9] ?? '#087f5b',
    '--mantine-color-placeholder': t.colors.gray[7] ?? '#495057',
    // A hovered primary button darkens rather than lightens: the lighter shade under white text falls under 4.5:1.
    '--mantine-primary-color-filled-hover': 'color-mix(in srgb, var(--mantine-primary-color-filled), black 20%)',
  },
  dark: {},
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={contrast} defaultColorScheme="light">
        <App />
      </MantineProvider>
    </StrictMode>,
  );
}
