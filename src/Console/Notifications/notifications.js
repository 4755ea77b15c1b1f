// The member's notifications, live: one event stream per account of theirs (/console/notifications). The browser
// reconnects by itself with the last event's id; across pages, the last id and the last few notices are kept for the
// tab (sessionStorage), so moving from page to page neither loses an event nor shows one twice.
(() => {
  const list = document.getElementById('notifications');
  if (!list) return;
  const kept = JSON.parse(sessionStorage.getItem('epoomasi.notices') || '[]');
  const show = notice => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = notice.href;
    link.textContent = notice.text;
    item.appendChild(link);
    list.prepend(item);
    while (list.children.length > 5) list.lastElementChild.remove();
  };
  kept.slice().reverse().forEach(show);
  for (const account of list.dataset.accounts.split(' ')) {
    const last = sessionStorage.getItem('epoomasi.last.' + account) || '';
    const source = new EventSource('/console/notifications?account=' + encodeURIComponent(account) + '&after=' + encodeURIComponent(last));
    source.onopen = () => list.setAttribute('data-listening', 'true');
    source.onmessage = message => {
      const notice = JSON.parse(message.data);
      show(notice);
      kept.unshift(notice);
      sessionStorage.setItem('epoomasi.notices', JSON.stringify(kept.slice(0, 5)));
      sessionStorage.setItem('epoomasi.last.' + account, message.lastEventId);
    };
  }
})();
