// Shown when the page runs without the app's preload (a plain browser): nothing can work, say so.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { t } from '../strings/t.ts';

export function NoBridgeNotice() {
  return (
    <main id="main" className="main">
      <h1 className="screen-heading">{t('app.name')}</h1>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('app.noBridge.title')}</MessageBarTitle>
          {t('app.noBridge.body')}
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
