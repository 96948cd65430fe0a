const chart = new Sparkline(document.getElementById('cpu'), { width: 240, height: 40 });
async function tick() {
  const r = await fetch('/api/metrics/cpu');
  chart.render(await r.json());
}
setInterval(tick, 2000);
// TODO(candidate): show min/max labels and pause polling when the tab is hidden
