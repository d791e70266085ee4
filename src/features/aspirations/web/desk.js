// kimbot staff desk: the map of tickets, and filling a reply from a canned reply.
// Every page works without this script: the map page lists its tickets, the canned
// reply form has a "Pakai" button.
(function () {
  'use strict';

  // A canned reply chosen in the select fills the reply text at once.
  var pick = document.querySelector('form.canned-use select[name=balasan]');
  var reply = document.querySelector('form#balas textarea[name=text]');
  if (pick && reply) {
    var fill = function () {
      var option = pick.options[pick.selectedIndex];
      if (option && option.dataset.text !== undefined) reply.value = option.dataset.text;
    };
    pick.addEventListener('change', fill);
    var use = document.querySelector('form.canned-use button[type=submit]');
    if (use) use.addEventListener('click', function (e) { e.preventDefault(); fill(); reply.focus(); });
  }

  var box = document.getElementById('peta');
  if (!box || typeof L === 'undefined') return;
  box.textContent = '';
  var map = L.map(box, { scrollWheelZoom: false }).setView([-2.99, 104.76], 12);
  L.tileLayer(box.dataset.tiles, { maxZoom: 19, attribution: box.dataset.attribution || '' }).addTo(map);
  var cluster = typeof L.markerClusterGroup === 'function' ? L.markerClusterGroup() : L.layerGroup();
  map.addLayer(cluster);
  fetch(box.dataset.src, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : { pins: [] }; })
    .then(function (data) {
      var bounds = [];
      (data.pins || []).forEach(function (p) {
        // Built as elements: ticket data is text, never markup.
        var popup = document.createElement('div');
        var link = document.createElement('a');
        link.href = p.url;
        link.textContent = p.ticket;
        popup.appendChild(link);
        popup.appendChild(document.createElement('br'));
        popup.appendChild(document.createTextNode(p.category + ' · ' + p.status + ' · ' + p.kim));
        var marker = L.marker([p.lat, p.lon], { title: p.ticket });
        marker.bindPopup(popup);
        cluster.addLayer(marker);
        bounds.push([p.lat, p.lon]);
      });
      box.dataset.pins = String(bounds.length);
      if (bounds.length) map.fitBounds(bounds, { maxZoom: 16, padding: [20, 20] });
    })
    .catch(function () { box.dataset.pins = 'error'; });
})();
