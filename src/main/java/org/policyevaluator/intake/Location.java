package org.policyevaluator.intake;

/**
 * Where a problem is, as parts rather than a sentence, so that each output words it in its language and
 * a form can put the message beside its input: a place in a JSON document, a cell (or row) of a sheet,
 * or a whole file.
 */
public sealed interface Location permits Location.InJson, Location.InSheet, Location.InFile {

    /** The field the location is about ("compute.chips"), or null when it is about the whole application or file. */
    String field();

    /**
     * A place in a JSON document: the application at {@code root} ("$", "$.applications[3]"), a field in it,
     * an item of a list field (0-based) and a property of that item.
     */
    record InJson(String root, String field, Integer item, String itemField) implements Location {
        public static InJson of(String root) {
            return new InJson(root, null, null, null);
        }

        public InJson at(String path) {
            return new InJson(root, path, null, null);
        }

        /**
         * The application's index (from 0) when the root is one of a list of applications ("$.applications[3]",
         * "$[3]"), else null (a single application, "$"; or a place in a request that is not an application's).
         */
        public Integer application() {
            String index = root.startsWith("$.applications[") ? root.substring("$.applications[".length())
                    : root.startsWith("$[") ? root.substring(2) : null;
            return index != null && index.endsWith("]") && index.length() > 1
                    && index.chars().limit(index.length() - 1).allMatch(Character::isDigit)
                    ? Integer.valueOf(index.substring(0, index.length() - 1)) : null;
        }

        /** "$.applications[3].compute.chips[1].count" */
        public String path() {
            StringBuilder sb = new StringBuilder(root);
            if (field != null) {
                sb.append('.').append(field);
            }
            if (item != null) {
                sb.append('[').append(item).append(']');
            }
            if (itemField != null) {
                sb.append('.').append(itemField);
            }
            return sb.toString();
        }
    }

    /**
     * A place in a workbook: file and sheet; the row (1-based, as the sheet shows it) when there is one; the
     * column letter when there is one; the header the column has, or the label a form row has; the field it
     * holds; and for a list of objects, the item (0-based) and its property.
     */
    record InSheet(String file, String sheet, Integer row, String column, String header, String field, Integer item,
                   String itemField) implements Location {
        public InSheet withItem(Integer newItem, String newItemField) {
            return new InSheet(file, sheet, row, column, header, field, newItem, newItemField);
        }
    }

    /** A whole file, or a place in it by line and column (broken JSON). */
    record InFile(String file, Long line, Long column) implements Location {
        public static InFile of(String file) {
            return new InFile(file, null, null);
        }

        @Override
        public String field() {
            return null;
        }
    }
}
