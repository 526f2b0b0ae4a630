"""What a reader sees in the first frame of a page, measured in the browser (shared by the
browser tests and the render benchmark).

``LABELS_JS`` returns, for the nodes vis-network has drawn: how many carry a label and lie on
screen, how many pairs of those labels overlap (the boxes vis-network drew them in), the smallest
label on screen in CSS pixels, and how many shown nodes lie outside the window (the first frame
fits the graph to the window, so none).
"""

from __future__ import annotations

LABELS_JS = """() => {
    var scale = network.getScale(), rect = document.getElementById('mynetwork').getBoundingClientRect();
    var boxes = [], smallest = Infinity, outside = 0, shown = 0;
    network.redraw();
    nodes.get({filter: function (n) { return !n.hidden; }}).forEach(function (n) {
        shown++;
        var body = network.body.nodes[n.id], p = network.canvasToDOM({x: body.x, y: body.y});
        if (p.x < 0 || p.y < 0 || p.x > rect.width || p.y > rect.height) outside++;
        if (!n.label || !String(n.label).trim()) return;
        var s = body.labelModule.size;
        var tl = network.canvasToDOM({x: s.left, y: s.top});
        var box = {l: tl.x, t: tl.y, r: tl.x + s.width * scale, b: tl.y + s.height * scale};
        if (box.r < 0 || box.b < 0 || box.l > rect.width || box.t > rect.height) return;
        boxes.push(box);
        smallest = Math.min(smallest, body.options.font.size * scale);
    });
    var overlaps = 0;
    for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
        var a = boxes[i], b = boxes[j];
        if (a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5) overlaps++;
    }
    return {shown: shown, labelled: boxes.length, overlaps: overlaps,
            min_label_px: boxes.length ? Math.round(smallest * 10) / 10 : 0, outside: outside,
            total: (window.ngAllNodes || []).length};
}"""

#: frames drawn per second while the view pans for 1.5 s, the camera moved every animation frame
#: exactly as a drag moves it (Playwright's mouse cannot pace a drag to the display)
PAN_FPS_JS = """async () => {
    var frames = 0, drawing = [], begun = 0;
    network.on('beforeDrawing', function () { begun = performance.now(); });
    network.on('afterDrawing', function () { frames++; drawing.push(performance.now() - begun); });
    var start = performance.now(), p = network.getViewPosition(), scale = network.getScale();
    await new Promise(function (done) {
        function step() {
            var k = (performance.now() - start) / 1000;
            network.moveTo({position: {x: p.x + 150 * Math.sin(k * 3), y: p.y + 100 * Math.cos(k * 3)}, scale: scale,
                            animation: false});
            if (k < 1.5) requestAnimationFrame(step); else done();
        }
        requestAnimationFrame(step);
    });
    drawing.sort(function (a, b) { return a - b; });
    return {fps: Math.round(frames / ((performance.now() - start) / 1000) * 10) / 10,
            draw_ms_p90: drawing.length ? Math.round(drawing[Math.floor(drawing.length * 0.9)] * 10) / 10 : null};
}"""
