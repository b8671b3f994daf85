// Candlestick chart with volume, drawn by TradingView's lightweight-charts (pinned, served from wwwroot).
// Times arrive as Korea wall-clock seconds labelled UTC, so the axis reads in Korea time wherever the browser is.
import { createChart, CandlestickSeries, HistogramSeries } from '../../lib/lightweight-charts/lightweight-charts.standalone.production.mjs';

export function create(element, dotnet) {
    const style = getComputedStyle(element);
    const up = style.getPropertyValue('--price-up').trim() || '#d32f2f';
    const down = style.getPropertyValue('--price-down').trim() || '#1565c0';
    const chart = createChart(element, {
        autoSize: true,
        layout: { textColor: style.color || '#333', background: { color: 'transparent' } },
        grid: { vertLines: { visible: false }, horzLines: { color: 'rgba(128,128,128,0.15)' } },
        timeScale: { timeVisible: true, secondsVisible: false, rightOffset: 3 },
        localization: { locale: 'ko-KR', priceFormatter: p => Math.round(p).toLocaleString('ko-KR') },
    });
    const candles = chart.addSeries(CandlestickSeries, {
        upColor: up, downColor: down, borderVisible: false, wickUpColor: up, wickDownColor: down,
        priceFormat: { type: 'price', precision: 0, minMove: 1 },
    });
    const volume = chart.addSeries(HistogramSeries, { priceFormat: { type: 'volume' }, priceScaleId: '' });
    volume.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });

    const bars = [];
    let loadingOlder = false;
    const toCandle = b => ({ time: b.time, open: b.open, high: b.high, low: b.low, close: b.close });
    const toVolume = b => ({ time: b.time, value: b.volume, color: b.close >= b.open ? up + '80' : down + '80' });
    // The last bar drawn, on the element: lets a browser test (and a curious member's devtools) see it move.
    const mark = () => {
        const last = bars[bars.length - 1];
        element.dataset.lastBar = last ? `${last.time}:${last.close}:${last.volume}` : '';
    };
    const redraw = () => {
        candles.setData(bars.map(toCandle));
        volume.setData(bars.map(toVolume));
        mark();
    };

    // Near the left edge: ask the server for the previous page (continuation paging).
    chart.timeScale().subscribeVisibleLogicalRangeChange(range => {
        if (!range || range.from > 10 || loadingOlder || bars.length === 0) {
            return;
        }
        loadingOlder = true;
        dotnet.invokeMethodAsync('LoadOlderAsync').finally(() => { loadingOlder = false; });
    });

    // On a phone the chart starts in a hidden tab (no width): when it is shown, bring the newest bars into view.
    let hidden = element.clientWidth === 0;
    const shown = new ResizeObserver(() => {
        const now = element.clientWidth === 0;
        if (hidden && !now) {
            chart.timeScale().scrollToRealTime();
        }
        hidden = now;
    });
    shown.observe(element);

    return {
        setData(all, seconds) {
            // Tick bars are seconds apart: the axis shows seconds for them only.
            chart.applyOptions({ timeScale: { secondsVisible: !!seconds } });
            bars.splice(0, bars.length, ...all);
            redraw();
            chart.timeScale().scrollToRealTime();
        },
        prepend(older) {
            const first = bars.length ? bars[0].time : Infinity;
            const fresh = older.filter(b => b.time < first);
            if (fresh.length === 0) {
                return;
            }
            const range = chart.timeScale().getVisibleLogicalRange();
            bars.unshift(...fresh);
            redraw();
            if (range) {
                chart.timeScale().setVisibleLogicalRange({ from: range.from + fresh.length, to: range.to + fresh.length });
            }
        },
        update(bar) {
            if (bars.length && bars[bars.length - 1].time === bar.time) {
                bars[bars.length - 1] = bar;
            } else if (!bars.length || bars[bars.length - 1].time < bar.time) {
                bars.push(bar);
            } else {
                return;
            }
            candles.update(toCandle(bar));
            volume.update(toVolume(bar));
            mark();
        },
        count() {
            return bars.length;
        },
        dispose() {
            shown.disconnect();
            chart.remove();
        },
    };
}
