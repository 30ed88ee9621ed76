// The Fluent theme's design tokens as CSS variables on :root, through a constructable stylesheet
// (FluentProvider would write them into a <style> element, which our CSP refuses).
import { useEffect, useMemo } from 'react';
import type { Theme } from '@fluentui/react-components';

export function themeRule(theme: Theme, dark: boolean): string {
  const declarations = Object.entries(theme).map(([token, value]) => `--${token}: ${String(value)};`);
  return `:root { color-scheme: ${dark ? 'dark' : 'light'}; ${declarations.join(' ')} }`;
}

export function useThemeSheet(theme: Theme, dark: boolean): void {
  const sheet = useMemo(() => new CSSStyleSheet(), []);
  useEffect(() => {
    sheet.replaceSync(themeRule(theme, dark));
  }, [sheet, theme, dark]);
  useEffect(() => {
    document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets.filter((other) => other !== sheet)];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((other) => other !== sheet);
    };
  }, [sheet]);
}
