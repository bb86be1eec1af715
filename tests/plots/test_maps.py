"""kharkiv.plots.maps: projected maps with scale bar, north arrow and labels that do not collide."""

from kharkiv.plots import maps, style


def test_region_map_is_projected_with_scale_bar_and_north_arrow():
    _fig, ax = style.figure()
    maps.region_map(ax, scale_km=50)
    x0, x1 = ax.get_xlim()
    assert x1 - x0 > 100_000  # metres, not degrees
    assert any(t.get_text() == "50 km" for t in ax.texts)
    assert any(getattr(t, "get_text", lambda: "")() == "N" for t in ax.texts)


def test_labels_do_not_collide():
    fig, ax = style.figure(figsize=(4, 4))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    texts = maps.place_labels(
        ax, [5, 5.05, 5.1], [5, 5.05, 5.1], ["Tsyrkuny", "Cherkaski Tyshky", "Peremoha"]
    )
    fig.canvas.draw()
    boxes = [t.get_window_extent() for t in texts]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_gazetteer_only_verified_points():
    g = maps.gazetteer()
    assert len(g) and (g["verified"] == "yes").all()


def test_strike_circles_grow_with_strikes_but_stay_on_the_map_at_scale():
    from kharkiv.plots import maps

    assert maps.marker_area(1, 3) == 40 and maps.marker_area(3, 3) == 140  # today's sizes: 50 pt² a strike
    most = 300
    assert maps.marker_area(most, most) == 40 + maps.MARKER_STEP * maps.MARKER_STEPS
    assert maps.marker_area(2, most) < maps.marker_area(most, most)
