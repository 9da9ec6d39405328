/**
 * The widget's HTML: markup only. Behaviour and looks come from static files, so
 * the CSP can forbid inline script and style. The account id is an `Id`
 * (letters, digits, _ and -), so it is safe inside the attribute as is.
 */
export const widgetPage = (accountId: string): string => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>在线客服 · Chat</title>
<link rel="stylesheet" href="/widget/static/widget.css">
</head>
<body data-account-id="${accountId}">
<main class="widget">
  <header class="widget-header"><h1 id="widget-title"></h1><span data-testid="widget-status" class="widget-status" data-state="connecting"></span></header>
  <ol data-testid="widget-messages" class="widget-messages" aria-live="polite"></ol>
  <form class="widget-composer" id="widget-form">
    <textarea data-testid="widget-input" id="widget-input" rows="2" maxlength="10000"></textarea>
    <button data-testid="widget-attach" id="widget-attach" type="button" class="widget-attach"></button>
    <input data-testid="widget-attach-input" type="file" accept="image/png,image/jpeg,image/gif,image/webp" hidden>
    <button data-testid="widget-send" id="widget-send" type="submit"></button>
  </form>
</main>
<script src="/socket.io/socket.io.min.js"></script>
<script src="/widget/static/locales.js"></script>
<script src="/widget/static/widgetImages.js"></script>
<script src="/widget/static/widget.js"></script>
</body>
</html>
`;

export const notFoundPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>404</title></head>
<body><p>找不到该客服窗口 · No such chat widget.</p></body></html>
`;
