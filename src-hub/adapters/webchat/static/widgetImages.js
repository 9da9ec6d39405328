// Images in the web-chat widget. Bytes are fetched with the visitor id in a header (never
// in a URL) and shown from blob: URLs; the hub serves only images of this visitor's chats.
(function () {
  'use strict';
  var TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
  var MAX_BYTES = 5 * 1024 * 1024;
  var urls = new Map();

  // The same words the hub's contract puts in a message that is only images (imageOnlyText).
  function imageOnlyText(names) { return ('[图片 image: ' + names.join(', ') + ']').slice(0, 1000); }

  function urlOf(accountId, visitorId, id) {
    if (!urls.has(id)) {
      var url = fetch('/attachments/' + encodeURIComponent(accountId) + '/' + id, { headers: { 'x-visitor-id': visitorId } })
        .then(function (response) { if (!response.ok) throw new Error('image ' + response.status); return response.blob(); })
        .then(function (blob) { return URL.createObjectURL(blob); });
      url.catch(function () { urls.delete(id); });
      urls.set(id, url);
    }
    return urls.get(id);
  }

  function openLarge(src, name) {
    var overlay = document.createElement('div');
    overlay.className = 'widget-viewer';
    overlay.setAttribute('data-testid', 'widget-image-viewer');
    var img = document.createElement('img');
    img.src = src;
    img.alt = name;
    overlay.append(img);
    function close() { overlay.remove(); document.removeEventListener('keydown', onKey); }
    function onKey(event) { if (event.key === 'Escape') close(); }
    overlay.addEventListener('click', close);
    document.addEventListener('keydown', onKey);
    document.body.append(overlay);
  }

  // Thumbnails for a message's images; returns whether its text only names them (then the caller hides it).
  function render(message, item, ctx) {
    var attachments = message.attachments || [];
    if (attachments.length === 0) return false;
    var box = document.createElement('div');
    box.className = 'widget-images';
    attachments.forEach(function (a) {
      var img = document.createElement('img');
      img.className = 'widget-image';
      img.alt = a.name;
      img.setAttribute('data-testid', 'widget-image');
      urlOf(ctx.accountId, ctx.visitorId, a.id).then(function (src) {
        img.src = src;
        img.addEventListener('click', function () { openLarge(src, a.name); });
      }, function () { img.alt = ctx.t.imageMissing; });
      box.append(img);
    });
    item.append(box);
    return message.text === imageOnlyText(attachments.map(function (a) { return a.name; }));
  }

  // Uploads one picked file as this visitor; resolves the ref for customer.send, or rejects with words to show.
  function upload(file, ctx) {
    if (TYPES.indexOf(file.type) < 0) return Promise.reject(new Error(ctx.t.imageType));
    if (file.size > MAX_BYTES) return Promise.reject(new Error(ctx.t.imageTooLarge));
    return fetch('/attachments/' + encodeURIComponent(ctx.accountId), {
      method: 'POST',
      headers: { 'x-visitor-id': ctx.visitorId, 'content-type': file.type, 'x-attachment-name': encodeURIComponent(file.name || 'image') },
      body: file,
    }).then(function (response) {
      return response.json().then(function (body) {
        if (response.status === 403) throw new Error(ctx.t.imageWriteFirst);
        if (!body.ok) throw new Error(ctx.t.imageRefused);
        return { id: body.attachment.id, name: body.attachment.name };
      });
    });
  }

  window.WIDGET_IMAGES = { render: render, upload: upload, imageOnlyText: imageOnlyText };
})();
