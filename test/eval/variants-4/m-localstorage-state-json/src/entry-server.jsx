import { renderToString } from 'react-dom/server';

export function render(url, persisted) {
  // TODO(candidate): build the store from `persisted` and wrap <App/> in <Provider>
  return renderToString(<p>Loading portfolio for {url}…</p>);
}
