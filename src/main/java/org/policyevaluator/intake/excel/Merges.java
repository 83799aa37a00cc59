package org.policyevaluator.intake.excel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Vertically merged regions of a sheet. Excel keeps a merged region's value in its top-left cell; a
 * reader that takes one row at a time carries that value down the region's first column, so that every
 * row the region spans sees it. Horizontal spans add nothing: the other columns are other fields.
 * Lookups are linear in the regions active at a row, never in all regions of the sheet.
 */
final class Merges {
    static final Merges NONE = new Merges();

    private record Region(int firstRow, int col, int lastRow) {
    }

    private final List<Region> regions = new ArrayList<>();
    private final List<Region> active = new ArrayList<>();
    private final java.util.Map<Region, RawCell> values = new java.util.HashMap<>();
    private int next;

    void add(int firstRow, int col, int lastRow) {
        if (lastRow > firstRow) {
            regions.add(new Region(firstRow, col, lastRow));
        }
    }

    void seal() {
        regions.sort(Comparator.comparingInt(Region::firstRow));
    }

    /** The row's cells with merged values carried down; rows must come in increasing order. */
    List<RawCell> fill(int row, List<RawCell> cells) {
        if (regions.isEmpty()) {
            return cells;
        }
        while (next < regions.size() && regions.get(next).firstRow() <= row) {
            active.add(regions.get(next++));
        }
        active.removeIf(r -> {
            if (r.lastRow() < row) {
                values.remove(r);
                return true;
            }
            return false;
        });
        if (active.isEmpty()) {
            return cells;
        }
        List<RawCell> out = new ArrayList<>(cells);
        for (Region r : active) {
            if (r.firstRow() == row) {
                cells.stream().filter(c -> c.column() == r.col()).findFirst().ifPresent(c -> values.put(r, c));
            } else {
                RawCell v = values.get(r);
                if (v != null && out.stream().noneMatch(c -> c.column() == r.col())) {
                    out.add(v.at(r.col()));
                }
            }
        }
        out.sort(Comparator.comparingInt(RawCell::column));
        return out;
    }
}
