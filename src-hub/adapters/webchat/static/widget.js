// The web-chat widget. Plain browser script (no build step); talks to the hub's
// /customer namespace with the socket.io client the hub itself serves.
// Customer and agent text is only ever set with textContent: it is never HTML.
(function () {
  'use strict';
  var locales = window.WIDGET_LOCALES;
  var images = window.WIDGET_IMAGES;
  var lang = (navigator.language || '').toLowerCase().indexOf('zh') === 0 ? 'zh-CN' : 'en';
  var t = locales[lang];
  var accountId = document.body.dataset.accountId;

  var byTestId = function (id) { return document.querySelector('[data-testid="' + id + '"]'); };
  var list = byTestId('widget-messages');
  var input = byTestId('widget-input');
  var status = byTestId('widget-status');
  var form = document.getElementById('widget-form');
  document.getElementById('widget-title').textContent = t.title;
  document.title = t.title;
  input.placeholder = t.placeholder;
  byTestId('widget-send').textContent = t.send;
  var attach = byTestId('widget-attach');
  var picker = byTestId('widget-attach-input');
  attach.textContent = t.image;

  // The visitor id is the visitor's only identity: kept per browser, per account.
  function visitorId() {
    var key = 'workstation.widget.visitor.' + accountId;
    var id = localStorage.getItem(key);
    if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      var bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      id = 'v' + Array.prototype.map.call(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
      localStorage.setItem(key, id);
    }
    return id;
  }

  function setStatus(state) {
    status.dataset.state = state;
    status.textContent = t[state];
  }

  var shown = new Set();
  function show(message) {
    if (shown.has(message.id)) return;
    shown.add(message.id);
    var item = document.createElement('li');
    item.setAttribute('data-testid', 'widget-message');
    item.dataset.from = message.from;
    item.className = 'widget-message from-' + message.from;
    var author = document.createElement('span');
    author.className = 'widget-author';
    author.textContent = message.from === 'me' ? t.me : message.authorName || t.agent;
    // The bot says it is a bot on every message, not only in its first words.
    if (message.from === 'bot') {
      var badge = document.createElement('span');
      badge.className = 'widget-badge';
      badge.setAttribute('data-testid', 'widget-bot-badge');
      badge.textContent = t.bot;
      author.append(' ', badge);
    }
    var text = document.createElement('p');
    text.className = 'widget-text';
    text.textContent = message.text;
    // System lines ("<name> has joined") are notices, not someone speaking.
    if (message.from === 'system') item.append(text);
    else item.append(author, text);
    if (images.render(message, item, context)) text.remove();
    list.append(item);
    list.scrollTop = list.scrollHeight;
  }

  setStatus('connecting');
  var context = { accountId: accountId, visitorId: visitorId(), t: t };
  var socket = io('/customer', { auth: { accountId: accountId, visitorId: context.visitorId } });
  socket.on('connect', function () { setStatus('online'); });
  socket.on('disconnect', function () { setStatus('offline'); });
  socket.on('connect_error', function () { setStatus(socket.active ? 'offline' : 'refused'); });
  socket.on('history', function (history) { (history.messages || []).forEach(show); });
  socket.on('message', show);

  function notice(words) { show({ id: 'notice-' + Date.now() + Math.random(), from: 'system', authorName: '', text: words }); }

  function emitSend(payload, onFail) {
    socket.timeout(10000).emit('customer.send', payload, function (error, reply) {
      if (error || !reply || !reply.ok) {
        onFail();
        notice(t.failed);
        return;
      }
      show(reply.message);
    });
  }

  function send() {
    var text = input.value.trim();
    if (!text) return;
    input.value = '';
    emitSend({ text: text }, function () { input.value = text; });
  }

  function sendImage(file) {
    images.upload(file, context).then(function (ref) {
      emitSend({ text: images.imageOnlyText([ref.name]), attachments: [ref] }, function () {});
    }, function (error) { notice(error.message); });
  }

  attach.addEventListener('click', function () { picker.click(); });
  picker.addEventListener('change', function () {
    Array.prototype.forEach.call(picker.files || [], sendImage);
    picker.value = '';
  });

  form.addEventListener('submit', function (event) { event.preventDefault(); send(); });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); send(); }
  });
})();
