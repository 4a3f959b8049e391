import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

/**
 * The yardstick of `npm run bench:size` and `bench:open`: the least a React + Fluent UI v9 page
 * pays (FluentProvider and one Button), built by the project's webpack config with `--env reference`.
 */
createRoot(document.getElementById('root') as HTMLElement).render(
  <FluentProvider theme={webLightTheme}>
    <Button appearance="primary" data-testid="reference-button">
      Partnerzicht
    </Button>
  </FluentProvider>,
);
