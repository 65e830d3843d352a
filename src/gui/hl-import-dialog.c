/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import dialog (hl-import-dialog.h): what the core's import guesses
 * from a spreadsheet, shown and editable, with the rows that cannot be
 * read listed by row and column before anything is imported. The dialog
 * holds no parsing of its own: every change runs hl_import_run again. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-describe.h"
#include "hl-escape.h"
#include "hl-import-dialog-private.h"
#include "hl-import-dialog-internal.h"

/* Rows of the file shown in the preview, and problems listed. */
#define PREVIEW_ROWS   8
#define PROBLEMS_SHOWN 12
/* Header shapes remembered, the oldest forgotten first. */
#define MAX_REMEMBERED 50


G_DEFINE_FINAL_TYPE (HlImportDialog, hl_import_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_IMPORTED,
  SIGNAL_SAVED,
  SIGNAL_READY,
  SIGNAL_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Remembered mappings */

static void
restore_mapping (HlImportDialog *self)
{
  g_autofree char *signature = hl_import_signature (self->table);
  g_autoptr(GVariant) all = NULL;
  g_autoptr(GVariant) entry = NULL;
  const char *map = NULL, *lane = NULL, *format = NULL, *decimal = NULL, *header = NULL;

  if (self->settings == NULL || signature == NULL)
    return;
  all = g_settings_get_value (self->settings, "import-mappings");
  entry = g_variant_lookup_value (all, signature, G_VARIANT_TYPE ("a{ss}"));
  if (entry == NULL)
    return;
  g_variant_lookup (entry, "map", "&s", &map);
  g_variant_lookup (entry, "lane", "&s", &lane);
  g_variant_lookup (entry, "date-format", "&s", &format);
  g_variant_lookup (entry, "decimal", "&s", &decimal);
  g_variant_lookup (entry, "header", "&s", &header);
  if (header != NULL)
    self->options.has_header = g_str_equal (header, "true");
  if (map != NULL)
    {
      for (guint f = 0; f < HL_IMPORT_N_FIELDS; f++)
        self->options.column[f] = -1;
      if (!hl_import_mapping_from_string (self->table, map, &self->options, NULL))
        hl_import_guess_columns (self->table, &self->options);
    }
  if (lane != NULL && *lane != '\0')
    {
      g_free (self->options.lane_id);
      self->options.lane_id = g_strdup (lane);
    }
  if (format != NULL)
    hl_import_date_format_from_name (format, &self->options.date_format);
  if (decimal != NULL && (g_str_equal (decimal, ".") || g_str_equal (decimal, ",")))
    self->options.decimal = decimal[0];
  self->remembered = TRUE;
}

static void
remember_mapping (HlImportDialog *self)
{
  g_autofree char *signature = hl_import_signature (self->table);
  g_autofree char *map = NULL;
  g_autoptr(GVariant) all = NULL;
  GVariantBuilder builder, entry;
  GVariantIter iter;
  const char *key;
  GVariant *value;
  char decimal[2] = { self->options.decimal, '\0' };
  guint kept = 0, n;

  if (self->settings == NULL || signature == NULL)
    return;
  map = hl_import_mapping_to_string (self->table, &self->options);
  g_variant_builder_init (&entry, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&entry, "{ss}", "map", map);
  g_variant_builder_add (&entry, "{ss}", "lane", self->options.lane_id ? self->options.lane_id
                                                                        : "");
  g_variant_builder_add (&entry, "{ss}", "date-format",
                         hl_import_date_format_name (self->options.date_format));
  g_variant_builder_add (&entry, "{ss}", "decimal", decimal);
  g_variant_builder_add (&entry, "{ss}", "header", self->options.has_header ? "true" : "false");

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sa{ss}}"));
  all = g_settings_get_value (self->settings, "import-mappings");
  n = g_variant_n_children (all);
  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s@a{ss}}", &key, &value))
    {
      if (!g_str_equal (key, signature) && n - kept < MAX_REMEMBERED + 1)
        g_variant_builder_add (&builder, "{s@a{ss}}", key, value);
      kept++;
      g_variant_unref (value);
    }
  g_variant_builder_add (&builder, "{sa{ss}}", signature, &entry);
  g_settings_set_value (self->settings, "import-mappings", g_variant_builder_end (&builder));
}

/* ------------------------------------------------------------------ */
/* Showing the options and the result */

static void
set_label (GtkLabel *label, const char *text)
{
  gtk_label_set_text (label, text);
}

static void
update_info (HlImportDialog *self)
{
  guint n = hl_csv_table_get_n_rows (self->table) - (self->options.has_header ? 1 : 0);
  g_autofree char *rows = hl_describe_number (n);
  g_autofree char *text = NULL;

  /* TRANSLATORS: file name; "comma"; "UTF-8"; "the first row is the header"; rows of data */
  text = g_strdup_printf (ngettext ("%s: delimiter %s; %s; %s; %s row",
                                    "%s: delimiter %s; %s; %s; %s rows", n),
                          self->name,
                          hl_csv_delimiter_describe (hl_csv_table_get_delimiter (self->table)),
                          hl_csv_table_had_bom (self->table) ? _("UTF-8 with a byte order mark")
                                                             : _("UTF-8"),
                          self->options.has_header ? _("the first row is the header")
                                                   : _("no header row"), rows);
  set_label (self->info_label, text);
}

static GtkWidget *
preview_label (const char *text, gboolean heading)
{
  g_autofree char *shown = hl_escape_text (text, -1, HL_ESCAPE_NONE);
  GtkWidget *label = gtk_label_new (shown);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static char *
letters (guint column)
{
  char buf[8];
  int i = sizeof buf - 1;

  buf[i] = '\0';
  for (column++; column > 0 && i > 0; column = (column - 1) / 26)
    buf[--i] = 'A' + (column - 1) % 26;
  return g_strdup (buf + i);
}

/* The first rows as the file has them, with the spreadsheet's column
 * letters and row numbers that the problems name. */
static void
fill_preview (HlImportDialog *self)
{
  guint n_rows = MIN (hl_csv_table_get_n_rows (self->table), PREVIEW_ROWS);
  guint n_columns = hl_csv_table_get_n_columns (self->table);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *l = letters (c);
      GtkWidget *label = preview_label (l, FALSE);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->preview_grid, label, c + 1, 0, 1, 1);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *number = g_strdup_printf ("%u", hl_csv_table_get_row_number (self->table,
                                                                                   r));
      GtkWidget *label = preview_label (number, FALSE);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->preview_grid, label, 0, r + 1, 1, 1);
      for (guint c = 0; c < n_columns; c++)
        gtk_grid_attach (self->preview_grid,
                         preview_label (hl_csv_table_get_cell (self->table, r, c),
                                        r == 0 && self->options.has_header),
                         c + 1, r + 1, 1, 1);
    }
}

static void
fill_columns_model (HlImportDialog *self)
{
  guint n = hl_csv_table_get_n_columns (self->table);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (names, g_strdup (_("(none)")));
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *l = letters (c);
      g_autofree char *name = hl_import_column_name (self->table, &self->options, c);

      g_ptr_array_add (names, g_strdup_printf ("%s: %s", l, name));
    }
  g_ptr_array_add (names, NULL);
  /* the combo rows lose their choice while the list changes: not the user's */
  self->updating = TRUE;
  gtk_string_list_splice (self->columns_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->columns_model)),
                          (const char * const *) names->pdata);
  self->updating = FALSE;
}

/* The controls as the options say, without running their handlers. */
static void
sync_controls (HlImportDialog *self)
{
  self->updating = TRUE;
  for (guint f = 0; f < HL_IMPORT_N_FIELDS; f++)
    adw_combo_row_set_selected (self->field_rows[f], self->options.column[f] + 1);
  gtk_switch_set_active (self->header_switch, self->options.has_header);
  adw_combo_row_set_selected (self->date_format_row, self->options.date_format);
  adw_combo_row_set_selected (self->decimal_row, self->options.decimal == ',' ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->lane_row),
                         self->options.lane_id ? self->options.lane_id : "");
  self->updating = FALSE;
}

static void
update_date_hint (HlImportDialog *self)
{
  g_autofree char *hint = NULL;
  const char *guessed = hl_import_date_format_label (self->guessed_format);

  if (self->options.column[HL_IMPORT_FIELD_DATE] < 0)
    hint = g_strdup (_("Choose the column that gives the date"));
  else if (self->ambiguous)
    hint = g_strdup_printf (_("Ambiguous: every date reads as day/month/year and as "
                              "month/day/year; check the format (guessed: %s)"), guessed);
  else
    hint = g_strdup_printf (_("Guessed from the dates: %s"), guessed);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->date_format_row), hint);
  if (self->ambiguous)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_format_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_format_row), "warning");
}

static void
show_result (HlImportDialog *self)
{
  guint good = self->result ? hl_import_result_get_n_events (self->result) : 0;
  guint bad = self->result ? hl_import_result_get_n_bad_rows (self->result) : 0;
  g_autofree char *n_good = hl_describe_number (good);
  g_autofree char *n_bad = hl_describe_number (bad);
  g_autofree char *problems = NULL;
  g_autofree char *status = NULL;
  g_autofree char *label = NULL;

  if (self->result == NULL)
    problems = g_strdup (self->mapping_error);
  else if (hl_import_result_get_n_problems (self->result) > 0)
    problems = hl_import_result_describe_problems (self->result, PROBLEMS_SHOWN);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems != NULL);
  set_label (self->problems_label, problems ? problems : "");

  if (self->result == NULL)
    status = g_strdup (_("Nothing can be imported until a column gives the date and one the "
                         "title."));
  else if (bad == 0)
    status = g_strdup_printf (ngettext ("%s row is ready to import.",
                                        "All %s rows are ready to import.", good), n_good);
  else
    /* TRANSLATORS: first the rows that can be read, then those that cannot */
    status = g_strdup_printf (ngettext ("%s row can be imported; %s cannot be read (listed above).",
                                        "%s rows can be imported; %s cannot be read (listed above).",
                                        good), n_good, n_bad);
  set_label (self->status_label, status);

  if (bad > 0)
    label = g_strdup_printf (ngettext ("_Import %s Good Row", "_Import %s Good Rows", good), n_good);
  else
    label = g_strdup (_("_Import"));
  gtk_button_set_label (self->import_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), good > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), good > 0);
}

/* Runs the import again with the options as they are now. */
static void
refresh (HlImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  HlImportOptions options;

  if (self->table == NULL)   /* still being read (hl_import_dialog_open) */
    return;
  hl_import_options_copy (&options, &self->options);
  if (options.lane_id == NULL || *options.lane_id == '\0')
    {
      g_free (options.lane_id);
      options.lane_id = g_strdup (self->title);
    }
  g_clear_pointer (&self->result, hl_import_result_free);
  g_clear_pointer (&self->mapping_error, g_free);
  self->result = hl_import_run (self->table, &options, self->name, &error);
  if (self->result == NULL)
    self->mapping_error = g_strdup (error->message);
  hl_import_options_clear (&options);
  self->guessed_format = hl_import_guess_date_format (self->table, &self->options,
                                                      &self->ambiguous);
  update_date_hint (self);
  show_result (self);
}

/* ------------------------------------------------------------------ */
/* Handlers */

static void
on_field_selected (AdwComboRow *row, GParamSpec *pspec, HlImportDialog *self)
{
  HlImportField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));
  int column = (int) adw_combo_row_get_selected (row) - 1;

  if (self->updating)
    return;
  /* one column gives one field: a column taken here is let go there */
  for (guint f = 0; f < HL_IMPORT_N_FIELDS; f++)
    if (f != field && column >= 0 && self->options.column[f] == column)
      self->options.column[f] = -1;
  self->options.column[field] = column;
  sync_controls (self);
  refresh (self);
}

static void
on_header_changed (HlImportDialog *self)
{
  if (self->updating)
    return;
  self->options.has_header = gtk_switch_get_active (self->header_switch);
  fill_columns_model (self);
  fill_preview (self);
  update_info (self);
  sync_controls (self);
  refresh (self);
}

static void
on_format_changed (HlImportDialog *self)
{
  if (self->updating)
    return;
  self->options.date_format = adw_combo_row_get_selected (self->date_format_row);
  self->options.decimal = adw_combo_row_get_selected (self->decimal_row) == 1 ? ',' : '.';
  refresh (self);
}

static void
on_lane_changed (HlImportDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->lane_row));

  if (self->updating)
    return;
  g_free (self->options.lane_id);
  self->options.lane_id = *text ? g_strstrip (g_strdup (text)) : NULL;
  refresh (self);
}

static void
on_zone_changed (HlImportDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->zone_row));

  self->options.has_zone = FALSE;
  if (*text != '\0' && !hl_import_set_zone (&self->options, text))
    gtk_widget_add_css_class (GTK_WIDGET (self->zone_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->zone_row), "error");
  refresh (self);
}

static void
cancel_clicked_cb (HlImportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_clicked_cb (HlImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!hl_import_dialog_import (self, &error))
    set_label (self->status_label, error->message);
}

static void
on_save_response (GtkNativeDialog *native, int response, HlImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (!hl_import_dialog_save_to (self, file, &error))
        set_label (self->status_label, error->message);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
save_clicked_cb (HlImportDialog *self)
{
  GtkFileChooserNative *native;
  g_autofree char *suggested = g_strconcat (self->title, ".json", NULL);
  g_autoptr(GFile) folder = g_file_get_parent (self->file);

  native = gtk_file_chooser_native_new (_("Save as Dataset"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ------------------------------------------------------------------ */
/* Construction */

static void
add_field_rows (HlImportDialog *self)
{
  for (guint f = 0; f < HL_IMPORT_N_FIELDS; f++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hl_import_field_label (f));
      adw_combo_row_set_model (row, G_LIST_MODEL (self->columns_model));
      g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (f));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_field_selected), self, 0);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      self->field_rows[f] = row;
    }
}

static void
set_up_choices (HlImportDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) decimals = gtk_string_list_new (NULL);

  for (guint f = 0; f < HL_IMPORT_N_DATE_FORMATS; f++)
    gtk_string_list_append (formats, hl_import_date_format_label (f));
  adw_combo_row_set_model (self->date_format_row, G_LIST_MODEL (formats));
  gtk_string_list_append (decimals, _("Point (1,234.5)"));
  gtk_string_list_append (decimals, _("Comma (1.234,5)"));
  adw_combo_row_set_model (self->decimal_row, G_LIST_MODEL (decimals));
  g_signal_connect_object (self->date_format_row, "notify::selected",
                           G_CALLBACK (on_format_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decimal_row, "notify::selected",
                           G_CALLBACK (on_format_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->header_switch, "notify::active",
                           G_CALLBACK (on_header_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lane_row, "changed", G_CALLBACK (on_lane_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->zone_row, "changed", G_CALLBACK (on_zone_changed), self,
                           G_CONNECT_SWAPPED);
}

/* Reads the file into self->table; keeps the old table on failure. */
static gboolean
read_file (HlImportDialog *self, GError **error)
{
  g_autofree char *data = NULL;
  HlCsvTable *table;
  gsize length = 0;

  if (!g_file_load_contents (self->file, NULL, &data, &length, NULL, error))
    return FALSE;
  table = hl_csv_parse (data, length, 0, self->name, error);
  if (table == NULL)
    return FALSE;
  g_clear_pointer (&self->table, hl_csv_table_free);
  self->table = table;
  return TRUE;
}

void
_hl_import_dialog_set_names (HlImportDialog *self)
{
  g_autofree char *base = g_file_get_basename (self->file);
  char *dot;

  self->name = hl_escape_text (base, -1, HL_ESCAPE_NONE);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  self->title = g_steal_pointer (&base);
}

/* Everything shown from self->table and the guessed options. */
void
_hl_import_dialog_set_up_from_table (HlImportDialog *self)
{
  g_free (self->options.title);
  self->options.title = g_strdup (self->title);
  restore_mapping (self);
  fill_columns_model (self);
  add_field_rows (self);
  set_up_choices (self);
  fill_preview (self);
  update_info (self);
  sync_controls (self);
  refresh (self);
}

static void
reload_clicked_cb (HlImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!hl_import_dialog_reload (self, &error))
    set_label (self->status_label, error->message);
}

HlImportDialog *
hl_import_dialog_new (GtkWindow *parent, GFile *file, GSettings *settings, GError **error)
{
  HlImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* a window is held by GTK's list of toplevels until destroyed */
  self = g_object_new (HL_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->file = g_object_ref (file);
  self->settings = settings ? g_object_ref (settings) : NULL;
  _hl_import_dialog_set_names (self);
  if (!read_file (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  hl_import_guess (self->table, &self->options, &self->ambiguous);
  _hl_import_dialog_set_up_from_table (self);
  return self;
}

static void
hl_import_dialog_dispose (GObject *object)
{
  HlImportDialog *self = HL_IMPORT_DIALOG (object);

  /* a read under way is let go: its result is never used */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_handle_id (&self->present_id, g_source_remove);
  g_clear_pointer (&self->reading, _hl_import_read_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (hl_import_dialog_parent_class)->dispose (object);
}

static void
hl_import_dialog_finalize (GObject *object)
{
  HlImportDialog *self = HL_IMPORT_DIALOG (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->columns_model);
  g_clear_pointer (&self->table, hl_csv_table_free);
  g_clear_pointer (&self->result, hl_import_result_free);
  g_clear_pointer (&self->mapping_error, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  hl_import_options_clear (&self->options);
  G_OBJECT_CLASS (hl_import_dialog_parent_class)->finalize (object);
}

static void
hl_import_dialog_class_init (HlImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_import_dialog_dispose;
  object_class->finalize = hl_import_dialog_finalize;

  /* The good rows as a dataset, when Import is pressed. */
  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, HL_TYPE_DATASET);
  /* The dataset file written by Save as Dataset. */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_FILE);
  /* hl_import_dialog_open(): the file is read, the dialog shows it. */
  signals[SIGNAL_READY] = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* hl_import_dialog_open(): the file cannot be read as CSV (the reason);
   * the dialog is destroyed after. */
  signals[SIGNAL_FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/heistline/Heistline/"
                                               "hl-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HlImportDialog, info_label);
  gtk_widget_class_bind_template_child (widget_class, HlImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, HlImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, HlImportDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, HlImportDialog, header_switch);
  gtk_widget_class_bind_template_child (widget_class, HlImportDialog, date_format_row);
  gtk_widget_class_bind_template_child (widget_class, HlImportDialog, decimal_row);
  gtk_widget_class_bind_template_child (widget_class, HlImportDialog, lane_row);
  gtk_widget_class_bind_template_child (widget_class, HlImportDialog, zone_row);
  gtk_widget_class_bind_template_child (widget_class, HlImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, HlImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, HlImportDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HlImportDialog, reload_button);
  gtk_widget_class_bind_template_child (widget_class, HlImportDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hl_import_dialog_init (HlImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->columns_model = gtk_string_list_new (NULL);
  self->cancellable = g_cancellable_new ();
  hl_import_options_init (&self->options);
}

/* ------------------------------------------------------------------ */
/* Public API */

/* TRUE if the mapping came from a file of the same header imported before. */
gboolean
hl_import_dialog_is_remembered (HlImportDialog *self)
{
  g_return_val_if_fail (HL_IS_IMPORT_DIALOG (self), FALSE);
  return self->remembered;
}

guint
hl_import_dialog_get_n_good_rows (HlImportDialog *self)
{
  g_return_val_if_fail (HL_IS_IMPORT_DIALOG (self), 0);
  return self->result ? hl_import_result_get_n_events (self->result) : 0;
}

guint
hl_import_dialog_get_n_bad_rows (HlImportDialog *self)
{
  g_return_val_if_fail (HL_IS_IMPORT_DIALOG (self), 0);
  return self->result ? hl_import_result_get_n_bad_rows (self->result) : 0;
}

/* What Read Again does: the file read anew (fixed in a spreadsheet, say)
 * with the choices made so far; columns it no longer has are let go. */
gboolean
hl_import_dialog_reload (HlImportDialog *self, GError **error)
{
  guint n;

  g_return_val_if_fail (HL_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_file (self, error))
    return FALSE;
  n = hl_csv_table_get_n_columns (self->table);
  for (guint f = 0; f < HL_IMPORT_N_FIELDS; f++)
    if (self->options.column[f] >= (int) n)
      self->options.column[f] = -1;
  fill_columns_model (self);
  fill_preview (self);
  update_info (self);
  sync_controls (self);
  refresh (self);
  return TRUE;
}

/* What Import does: the good rows as a dataset ("imported"), the mapping
 * remembered, the dialog closed. */
gboolean
hl_import_dialog_import (HlImportDialog *self, GError **error)
{
  g_autoptr(HlDataset) dataset = NULL;

  g_return_val_if_fail (HL_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (hl_import_dialog_get_n_good_rows (self) == 0)
    {
      g_set_error (error, HL_IMPORT_ERROR, HL_IMPORT_ERROR_BAD_ROWS,
                   _("%s: no row can be imported"), self->name);
      return FALSE;
    }
  dataset = hl_import_result_to_dataset (self->result, self->name, error);
  if (dataset == NULL)
    return FALSE;
  remember_mapping (self);
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, dataset);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}

/* What Save as Dataset does once the file is chosen: the good rows
 * written to @file atomically, "saved", the mapping remembered. */
gboolean
hl_import_dialog_save_to (HlImportDialog *self, GFile *file, GError **error)
{
  g_return_val_if_fail (HL_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file) && g_file_peek_path (file) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (hl_import_dialog_get_n_good_rows (self) == 0)
    {
      g_set_error (error, HL_IMPORT_ERROR, HL_IMPORT_ERROR_BAD_ROWS,
                   _("%s: no row can be imported"), self->name);
      return FALSE;
    }
  if (!hl_import_result_save (self->result, g_file_peek_path (file), HL_ATOMIC_FILE_FLAGS_NONE,
                              error))
    return FALSE;
  remember_mapping (self);
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, file);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Test-only */

void
_hl_import_dialog_set_column (HlImportDialog *self, HlImportField field, int column)
{
  adw_combo_row_set_selected (self->field_rows[field], column + 1);
}

int
_hl_import_dialog_get_column (HlImportDialog *self, HlImportField field)
{
  return (int) adw_combo_row_get_selected (self->field_rows[field]) - 1;
}

void
_hl_import_dialog_set_date_format (HlImportDialog *self, HlImportDateFormat format)
{
  adw_combo_row_set_selected (self->date_format_row, format);
}

void
_hl_import_dialog_set_decimal (HlImportDialog *self, char decimal)
{
  adw_combo_row_set_selected (self->decimal_row, decimal == ',' ? 1 : 0);
}

void
_hl_import_dialog_set_lane (HlImportDialog *self, const char *lane)
{
  gtk_editable_set_text (GTK_EDITABLE (self->lane_row), lane);
}

const char *
_hl_import_dialog_get_info (HlImportDialog *self)
{
  return gtk_label_get_text (self->info_label);
}

const char *
_hl_import_dialog_get_problems (HlImportDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->problems_group))
         ? gtk_label_get_text (self->problems_label) : "";
}

const char *
_hl_import_dialog_get_status (HlImportDialog *self)
{
  return gtk_label_get_text (self->status_label);
}

const char *
_hl_import_dialog_get_date_hint (HlImportDialog *self)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (self->date_format_row));
}

const char *
_hl_import_dialog_get_import_label (HlImportDialog *self)
{
  return gtk_button_get_label (self->import_button);
}

gboolean
_hl_import_dialog_can_import (HlImportDialog *self)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (self->import_button));
}

const char *
_hl_import_dialog_get_preview_cell (HlImportDialog *self, guint row, guint column)
{
  GtkWidget *child = gtk_grid_get_child_at (self->preview_grid, column + 1, row + 1);

  return child ? gtk_label_get_text (GTK_LABEL (child)) : NULL;
}
