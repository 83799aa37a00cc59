// Small helpers for the pages: refuse an oversized file before sending it, sort and filter the ranking,
// open a row's evaluation. The pages work without it.
document.addEventListener('DOMContentLoaded', function () {
  var upload = document.getElementById('upload-form');
  if (upload) {
    upload.addEventListener('submit', function (ev) {
      var input = document.getElementById('file');
      var max = Number(upload.dataset.maxBytes);
      if (input.files.length && max && input.files[0].size > max) {
        ev.preventDefault();
        var p = document.getElementById('upload-error');
        p.textContent = upload.dataset.tooLarge;
        p.hidden = false;
      }
    });
  }

  var table = document.getElementById('ranking');
  if (!table) {
    return;
  }
  var body = table.tBodies[0];
  var headers = table.tHead.rows[0].cells;
  function key(row, i, type) {
    var cell = row.cells[i];
    var v = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
    return type === 'num' ? (parseFloat(v) || 0) : v.toLowerCase();
  }
  Array.prototype.forEach.call(headers, function (th, i) {
    th.addEventListener('click', function () {
      var type = th.dataset.type || 'text';
      var asc = !th.classList.contains('asc');
      Array.prototype.forEach.call(headers, function (h) { h.classList.remove('asc', 'desc'); });
      th.classList.add(asc ? 'asc' : 'desc');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, i, type), y = key(b, i, type);
        return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });

  var filter = document.getElementById('filter');
  var eligibleOnly = document.getElementById('eligible-only');
  function apply() {
    var q = filter.value.trim().toLowerCase();
    Array.prototype.forEach.call(body.rows, function (row) {
      var text = row.textContent.toLowerCase();
      var show = (!q || text.indexOf(q) >= 0) && (!eligibleOnly.checked || row.dataset.eligible === 'true');
      row.hidden = !show;
    });
  }
  filter.addEventListener('input', apply);
  eligibleOnly.addEventListener('change', apply);

  Array.prototype.forEach.call(body.rows, function (row) {
    row.addEventListener('click', function (ev) {
      if (ev.target.tagName !== 'A') {
        window.location = row.dataset.href;
      }
    });
  });
});
