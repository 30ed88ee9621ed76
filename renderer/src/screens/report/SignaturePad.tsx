// A signature drawn with a mouse, pen or finger on a <canvas> (pointer events), handed up as a PNG
// (canvas.toDataURL) once something is drawn; null when cleared. Keyboard users type instead: the
// sign-off form offers both, and the pad says so in its label.
import { Button } from '@fluentui/react-components';
import { useRef, type PointerEvent } from 'react';
import { t } from '../../strings/t.ts';

const WIDTH = 480;
const HEIGHT = 160;
const PNG_PREFIX = 'data:image/png;base64,';

export function SignaturePad({ label, onChange }: { label: string; onChange: (pngBase64: string | null) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - box.left) * WIDTH) / box.width, y: ((event.clientY - box.top) * HEIGHT) / box.height };
  };
  const context = () => {
    const drawing = canvas.current?.getContext('2d');
    if (drawing) {
      drawing.lineWidth = 2.5;
      drawing.lineCap = 'round';
      drawing.lineJoin = 'round';
      drawing.strokeStyle = '#111';
    }
    return drawing;
  };

  const down = (event: PointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture?.(event.pointerId);
    last.current = point(event);
    const drawing = context();
    // A dot, so a tap leaves a mark.
    drawing?.beginPath();
    drawing?.arc(last.current.x, last.current.y, 1, 0, Math.PI * 2);
    drawing?.fill();
  };
  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!last.current) return;
    const next = point(event);
    const drawing = context();
    if (drawing) {
      drawing.beginPath();
      drawing.moveTo(last.current.x, last.current.y);
      drawing.lineTo(next.x, next.y);
      drawing.stroke();
    }
    last.current = next;
  };
  const up = () => {
    if (!last.current) return;
    last.current = null;
    const url = canvas.current?.toDataURL('image/png') ?? '';
    onChange(url.startsWith(PNG_PREFIX) ? url.slice(PNG_PREFIX.length) : null);
  };
  const clear = () => {
    const element = canvas.current;
    element?.getContext('2d')?.clearRect(0, 0, element.width, element.height);
    onChange(null);
  };

  return (
    <div className="signature-pad">
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={label}
        className="signature-canvas"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        onPointerLeave={up}
      />
      <Button size="small" onClick={clear}>
        {t('report.signOff.clear')}
      </Button>
    </div>
  );
}
