// Copies text with navigator.clipboard and says so in the live region.
import { Button } from '@fluentui/react-components';
import { useAnnounce } from './Announcer.tsx';
import { t } from '../strings/t.ts';

export interface CopyButtonProps {
  text: string;
  /** The accessible name, e.g. "Copy sign-in code". */
  label: string;
  /** Visible text; defaults to "Copy". */
  children?: string;
  size?: 'small' | 'medium' | 'large';
  className?: string;
}

export function CopyButton({ text, label, children, size = 'medium', className }: CopyButtonProps) {
  const announce = useAnnounce();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      announce(t('common.copied'));
    } catch {
      announce(t('common.copyFailed'));
    }
  };
  return (
    <Button size={size} className={className} aria-label={label} onClick={() => void copy()}>
      {children ?? t('common.copy')}
    </Button>
  );
}
