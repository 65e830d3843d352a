/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export dialog: options on the right, a live preview on the left drawn
 * by the one renderer at the size of the file, scaled down to fit. Options
 * are bound to GSettings, so the next export starts where this one left. */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-chart.h"
#include "hl-date.h"
#include "hl-export.h"
#include "hl-export-dialog.h"
#include "hl-export-dialog-job.h"
#include "hl-ui-resources.h"

/* Row order in the .ui combo rows, as GSettings strings. */
static const char *const format_ids[] = { "png", "svg", "pdf", NULL };
static const char *const preset_ids[] = { "slide-16x9", "hd", "4k", "slide-4x3", "a4",
                                          "custom", NULL };
static const char *const theme_ids[] = { "light", "dark", "transparent", NULL };
static const char *const range_ids[] = { "view", "default", NULL };

#define PRESET_CUSTOM 5
#define PULSE_MS      100

struct _HlExportDialog
{
  AdwWindow             parent_instance;

  HlDataset            *dataset;
  HlView                view;          /* the window's view when opened */
  gboolean              has_view;
  GSettings            *settings;
  HlChart              *preview_chart; /* NULL: options changed since */
  HlTextCache          *text_cache;    /* the preview's, kept while it changes */
  GtkFileChooserNative *chooser;
  GCancellable         *export_cancellable; /* the export running, if any */
  GFile                *export_file;        /* and where it writes */
  guint                 pulse_source;

  /* Template widgets */
  GtkDrawingArea       *preview;
  GtkLabel             *size_label;
  GtkButton            *export_button;
  GtkButton            *cancel_button;
  GtkProgressBar       *progress_bar;
  AdwComboRow          *format_row;
  AdwComboRow          *preset_row;
  AdwActionRow         *custom_row;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  AdwComboRow          *scale_row;
  AdwComboRow          *theme_row;
  AdwEntryRow          *title_row;
  AdwEntryRow          *subtitle_row;
  AdwComboRow          *range_row;
  AdwComboRow          *bins_row;         /* rows in HlBins order */
  AdwComboRow          *money_scale_row;  /* in HlMoneyScale order */
  GtkLabel             *note_label;
  GtkSwitch            *legend_switch;
  GtkSwitch            *footnote_switch;
  GtkSwitch            *annotations_switch;
  GtkSwitch            *periods_switch;
  GtkSwitch            *cumulative_switch;
};

G_DEFINE_FINAL_TYPE (HlExportDialog, hl_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_VIEW,
  N_PROPS
};

enum {
  EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Settings <-> combo rows: a string key and the row's selected index. */

static gboolean
choice_get_mapping (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *const *ids = user_data;
  const char *str = g_variant_get_string (variant, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], str))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue *value, const GVariantType *type, gpointer user_data)
{
  const char *const *ids = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) ids))
    return NULL;
  return g_variant_new_string (ids[index]);
}

static void
bind_choice (HlExportDialog *self, const char *key, AdwComboRow *row, const char *const *ids)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping, (gpointer) ids, NULL);
}

/* export-scale is 1..3, the row's index 0..2 */
static gboolean
scale_get_mapping (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_uint (value, (guint) CLAMP (g_variant_get_int32 (variant), 1, 3) - 1);
  return TRUE;
}

static GVariant *
scale_set_mapping (const GValue *value, const GVariantType *type, gpointer user_data)
{
  guint index = g_value_get_uint (value);

  if (index > 2)
    return NULL;
  return g_variant_new_int32 ((int) index + 1);
}

/* ------------------------------------------------------------------ */
/* The options as chosen */

static HlExportFormat
get_format (HlExportDialog *self)
{
  switch (adw_combo_row_get_selected (self->format_row))
    {
    case 1:
      return HL_EXPORT_SVG;
    case 2:
      return HL_EXPORT_PDF;
    default:
      return HL_EXPORT_PNG;
    }
}

static void
get_size (HlExportDialog *self, int *width, int *height, int *scale)
{
  guint preset = adw_combo_row_get_selected (self->preset_row);

  if (preset < PRESET_CUSTOM)
    {
      const HlExportPreset *p = hl_export_find_preset (preset_ids[preset]);

      *width = p->width;
      *height = p->height;
    }
  else
    {
      *width = gtk_spin_button_get_value_as_int (self->width_spin);
      *height = gtk_spin_button_get_value_as_int (self->height_spin);
    }
  if (scale != NULL)
    *scale = get_format (self) == HL_EXPORT_PNG
             ? (int) MIN (adw_combo_row_get_selected (self->scale_row), 2) + 1 : 1;
}

static HlTheme
get_theme (HlExportDialog *self)
{
  switch (adw_combo_row_get_selected (self->theme_row))
    {
    case 1:
      return HL_THEME_DARK;
    case 2:
      /* PNG and SVG only: a PDF page has a background (the row says so). */
      return get_format (self) == HL_EXPORT_PDF ? HL_THEME_LIGHT : HL_THEME_TRANSPARENT;
    default:
      return HL_THEME_LIGHT;
    }
}

/* The view to export: the window's (lanes, filters, search) with the
 * dialog's options on top. */
static void
build_view (HlExportDialog *self, HlView *view)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  const char *subtitle = gtk_editable_get_text (GTK_EDITABLE (self->subtitle_row));

  hl_view_copy (view, &self->view);
  if (adw_combo_row_get_selected (self->range_row) == 1)
    {
      gint64 from, to;

      hl_dataset_get_default_range (self->dataset, &from, &to);
      hl_view_set_range (view, from, to);
    }
  view->theme = get_theme (self);
  g_free (view->title);
  g_free (view->subtitle);
  /* An empty title leaves the title out; an empty subtitle means the
   * renderer's own: the range and the totals. */
  view->title = g_strdup (title);
  view->subtitle = subtitle[0] != '\0' ? g_strdup (subtitle) : NULL;
  view->show_title = TRUE;
  view->show_legend = gtk_switch_get_active (self->legend_switch);
  view->show_footnote = gtk_switch_get_active (self->footnote_switch);
  view->show_periods = gtk_switch_get_active (self->periods_switch);
  view->show_cumulative = gtk_switch_get_active (self->cumulative_switch);
  view->bins = (HlBins) MIN (adw_combo_row_get_selected (self->bins_row), HL_BINS_YEAR);
  view->money_scale = adw_combo_row_get_selected (self->money_scale_row) == 1 ? HL_MONEY_LOG
                                                                               : HL_MONEY_LINEAR;
  view->show_annotations = gtk_switch_get_active (self->annotations_switch);
}

static HlChart *
ensure_preview_chart (HlExportDialog *self)
{
  if (self->preview_chart == NULL && self->dataset != NULL)
    {
      HlView view;
      int width, height;

      get_size (self, &width, &height, NULL);
      build_view (self, &view);
      self->preview_chart = hl_chart_new_cached (self->dataset, &view, width, height,
                                                 self->text_cache);
      hl_view_clear (&view);
    }
  return self->preview_chart;
}

/* ------------------------------------------------------------------ */
/* Preview */

static void
draw_checkerboard (cairo_t *cr, double x, double y, double w, double h)
{
  const double cell = 8;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
  for (int j = 0; j * cell < h; j++)
    for (int i = j % 2; i * cell < w; i += 2)
      cairo_rectangle (cr, x + i * cell, y + j * cell, cell, cell);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
preview_draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  HlExportDialog *self = user_data;
  HlChart *chart = ensure_preview_chart (self);
  int cw, ch;
  double k, x, y, w, h;

  if (chart == NULL)
    return;
  get_size (self, &cw, &ch, NULL);
  k = MIN ((double) width / cw, (double) height / ch);
  w = cw * k;
  h = ch * k;
  x = floor ((width - w) / 2);
  y = floor ((height - h) / 2);

  /* The page's edge: a soft shadow, then the chart clipped to the page. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, x + 1, y + 2, w, h);
  cairo_fill (cr);
  if (hl_chart_get_view (chart)->theme == HL_THEME_TRANSPARENT)
    draw_checkerboard (cr, x, y, w, h);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, k, k);
  hl_chart_draw (chart, cr);
  cairo_restore (cr);
}

static void
update_size_label (HlExportDialog *self)
{
  HlExportFormat format = get_format (self);
  g_autofree char *text = NULL;
  g_autofree char *range = NULL;
  int width, height, scale;
  gint64 from = self->view.from, to = self->view.to;

  if (adw_combo_row_get_selected (self->range_row) == 1)
    hl_dataset_get_default_range (self->dataset, &from, &to);
  range = hl_date_format_range (from, to);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->range_row), range);

  get_size (self, &width, &height, &scale);
  if (format == HL_EXPORT_PDF)
    /* Translators: the page size of a PDF export */
    text = g_strdup_printf (_("%d × %d pt page"), width, height);
  else if (format == HL_EXPORT_SVG)
    text = g_strdup_printf (_("%d × %d px drawing"), width, height);
  else
    text = g_strdup_printf (_("%d × %d px image"), width * scale, height * scale);
  gtk_label_set_text (self->size_label, text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->preset_row),
                               adw_combo_row_get_selected (self->preset_row) == PRESET_CUSTOM
                               ? "" : text);
}

/* Under the preview, what the options cannot give: a transparent PDF,
 * parts the switches ask for that this size leaves out. Said, not hidden;
 * not in the theme row's subtitle, which left its value no room ("Tr…"). */
static void
update_note_label (HlExportDialog *self)
{
  HlChart *chart = ensure_preview_chart (self);
  g_autofree char *dropped = chart != NULL ? hl_chart_describe_dropped (chart) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (get_format (self) == HL_EXPORT_PDF && adw_combo_row_get_selected (self->theme_row) == 2)
    g_string_append (text, _("PDF pages are never transparent: light, on white"));
  if (dropped != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", dropped);
  gtk_label_set_text (self->note_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), text->len > 0);
}

static void
options_changed_cb (HlExportDialog *self)
{
  HlExportFormat format = get_format (self);

  g_clear_pointer (&self->preview_chart, hl_chart_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_row),
                          adw_combo_row_get_selected (self->preset_row) == PRESET_CUSTOM);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), format == HL_EXPORT_PNG);
  update_size_label (self);
  update_note_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}


/* ------------------------------------------------------------------ */
/* Export */

static void
show_error (HlExportDialog *self, const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Chart"),
                                              NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * hl_export_dialog_export_to:
 * @file: where to write; a local file
 *
 * Exports with the options as they are in the dialog, atomically, without
 * asking for a file. Emits nothing and does not close the dialog.
 */
gboolean
hl_export_dialog_export_to (HlExportDialog *self, GFile *file, GError **error)
{
  g_autofree char *path = NULL;
  HlView view;
  int width, height, scale;
  gboolean ok;

  g_return_val_if_fail (HL_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write “%s”: charts can only be exported to a local folder"), uri);
      return FALSE;
    }

  get_size (self, &width, &height, &scale);
  build_view (self, &view);
  ok = hl_export_to_file (self->dataset, &view, get_format (self), width, height, scale, path,
                          error);
  hl_view_clear (&view);
  return ok;
}

static gboolean
pulse_cb (gpointer data)
{
  HlExportDialog *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* While an export runs: a moving bar, Export off, Cancel stops it. */
static void
set_exporting (HlExportDialog *self, gboolean exporting)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), exporting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !exporting);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->cancel_button),
                               exporting ? _("Stop the export; nothing is written") : NULL);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (exporting)
    self->pulse_source = g_timeout_add (PULSE_MS, pulse_cb, self);
}

static void
save_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(HlExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_steal_pointer (&self->export_file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  gboolean ok = hl_export_dialog_job_run_finish (result, &error);

  g_clear_object (&self->export_cancellable);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->settings == NULL)
    return;
  set_exporting (self, FALSE);
  if (!ok)
    {
      /* Cancelled: the user knows, and nothing was written */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  if (parent != NULL)
    {
      g_autofree char *folder = g_file_get_path (parent);

      if (folder != NULL)
        g_settings_set_string (self->settings, "last-folder", folder);
    }
  g_signal_emit (self, signals[EXPORTED], 0, file);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * hl_export_dialog_save:
 * @file: the file chosen
 *
 * What the Export button does once a file is chosen: starts writing it on
 * a worker thread, with a progress bar and Cancel; once written, remembers
 * its folder, emits "exported" and closes; or shows why it could not, in
 * a message dialog over this one, and stays open. A cancelled export
 * writes nothing.
 */
void
hl_export_dialog_save (HlExportDialog *self, GFile *file)
{
  g_autoptr(GTask) task = NULL;
  HlView view;
  int width, height, scale;

  g_return_if_fail (HL_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->export_cancellable != NULL)
    return;
  self->export_cancellable = g_cancellable_new ();
  g_set_object (&self->export_file, file);
  get_size (self, &width, &height, &scale);
  build_view (self, &view);
  set_exporting (self, TRUE);
  hl_export_dialog_job_run_async (self->dataset, &view, get_format (self), width, height, scale,
                                  file, HL_ATOMIC_FILE_FLAGS_NONE, self->export_cancellable,
                                  save_done, g_object_ref (self));
  hl_view_clear (&view);
}

/* Whether an export started by hl_export_dialog_save() is running. */
gboolean
hl_export_dialog_is_exporting (HlExportDialog *self)
{
  g_return_val_if_fail (HL_IS_EXPORT_DIALOG (self), FALSE);
  return self->export_cancellable != NULL;
}

/* Cancel: stops an export that runs (the dialog stays), or closes. */
static void
cancel_clicked_cb (HlExportDialog *self)
{
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
replace_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  HlExportDialog *self = user_data;
  GFile *file = g_object_get_data (G_OBJECT (dialog), "export-file");

  if (g_strcmp0 (response, "replace") == 0)
    hl_export_dialog_save (self, file);
}

/* The chooser confirmed an overwrite of the name as typed; a name that
 * gained an extension here gets its own confirmation. */
static void
chooser_response_cb (GtkNativeDialog *native, int response, gpointer user_data)
{
  HlExportDialog *self = user_data;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  HlExportFormat format = get_format (self), named;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (chosen == NULL)
    goto out;

  name = g_file_get_basename (chosen);
  if (hl_export_format_from_path (name, &named) && named == format)
    file = g_object_ref (chosen);
  else
    {
      g_autoptr(GFile) parent = g_file_get_parent (chosen);
      g_autofree char *fixed = g_strdup_printf ("%s.%s", name,
                                                hl_export_format_get_extension (format));

      file = g_file_get_child (parent, fixed);
      if (g_file_query_exists (file, NULL))
        {
          GtkWidget *dialog;

          dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace File?"), NULL);
          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                          _("“%s” already exists. "
                                            "Replacing it overwrites it."), fixed);
          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "cancel", _("_Cancel"),
                                            "replace", _("_Replace"),
                                            NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                      ADW_RESPONSE_DESTRUCTIVE);
          g_object_set_data_full (G_OBJECT (dialog), "export-file", g_object_ref (file),
                                  g_object_unref);
          g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb),
                                   self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
          goto out;
        }
    }
  hl_export_dialog_save (self, file);

out:
  g_clear_object (&self->chooser);
}

/**
 * hl_export_dialog_dup_suggested_name:
 *
 * Returns: the file name the file chooser proposes, e.g.
 *   "heistline-2023-07-01-2024-01-31.png"
 */
char *
hl_export_dialog_dup_suggested_name (HlExportDialog *self)
{
  HlView view;
  char *name;

  g_return_val_if_fail (HL_IS_EXPORT_DIALOG (self), NULL);

  build_view (self, &view);
  name = hl_export_suggest_basename (&view, get_format (self));
  hl_view_clear (&view);
  return name;
}

static void
export_clicked_cb (HlExportDialog *self)
{
  g_autofree char *name = hl_export_dialog_dup_suggested_name (self);
  g_autofree char *folder = g_settings_get_string (self->settings, "last-folder");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  HlExportFormat format = get_format (self);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  switch (format)
    {
    case HL_EXPORT_SVG:
      gtk_file_filter_set_name (filter, _("SVG drawings"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
      break;
    case HL_EXPORT_PDF:
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    case HL_EXPORT_PNG:
    default:
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      break;
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  if (folder[0] != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), dir, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------------ */

/**
 * hl_export_dialog_get_preview_chart:
 *
 * Returns: (transfer none): the chart the preview draws, laid out at the
 *   size of the file with the options as they are.
 */
HlChart *
hl_export_dialog_get_preview_chart (HlExportDialog *self)
{
  g_return_val_if_fail (HL_IS_EXPORT_DIALOG (self), NULL);
  return ensure_preview_chart (self);
}

static void
hl_export_dialog_constructed (GObject *object)
{
  HlExportDialog *self = HL_EXPORT_DIALOG (object);
  const char *title;

  G_OBJECT_CLASS (hl_export_dialog_parent_class)->constructed (object);

  g_return_if_fail (HL_IS_DATASET (self->dataset));

  if (!self->has_view)
    hl_view_init (&self->view, self->dataset);

  title = self->view.title ? self->view.title : hl_dataset_get_title (self->dataset);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title ? title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->subtitle_row),
                         self->view.subtitle ? self->view.subtitle : "");

  self->settings = g_settings_new (APP_ID);
  bind_choice (self, "export-format", self->format_row, format_ids);
  bind_choice (self, "export-preset", self->preset_row, preset_ids);
  bind_choice (self, "export-theme", self->theme_row, theme_ids);
  bind_choice (self, "export-range", self->range_row, range_ids);
  g_settings_bind_with_mapping (self->settings, "export-scale", self->scale_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, scale_get_mapping, scale_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "export-width", self->width_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-height", self->height_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-legend", self->legend_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-footnote", self->footnote_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-periods", self->periods_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-cumulative", self->cumulative_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  /* The export carries the window's grouping and scale unless changed here. */
  adw_combo_row_set_selected (self->bins_row, self->view.bins);
  adw_combo_row_set_selected (self->money_scale_row, self->view.money_scale);

  /* Every option redraws the preview; connected after the bindings so
   * that loading the settings does not rebuild it seven times. */
  {
    const struct { gpointer widget; const char *signal; } options[] = {
      { self->format_row, "notify::selected" }, { self->preset_row, "notify::selected" },
      { self->scale_row, "notify::selected" }, { self->theme_row, "notify::selected" },
      { self->range_row, "notify::selected" }, { self->bins_row, "notify::selected" },
      { self->money_scale_row, "notify::selected" }, { self->width_spin, "value-changed" },
      { self->height_spin, "value-changed" }, { self->legend_switch, "notify::active" },
      { self->footnote_switch, "notify::active" }, { self->periods_switch, "notify::active" },
      { self->cumulative_switch, "notify::active" },
      { self->annotations_switch, "notify::active" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (options); i++)
      g_signal_connect_object (options[i].widget, options[i].signal,
                               G_CALLBACK (options_changed_cb), self, G_CONNECT_SWAPPED);
  }

  gtk_drawing_area_set_draw_func (self->preview, preview_draw, self, NULL);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
  options_changed_cb (self);
}

static void
hl_export_dialog_dispose (GObject *object)
{
  HlExportDialog *self = HL_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* An export still running writes nothing; its callback holds a
   * reference and finds the dialog gone. */
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_pointer (&self->preview_chart, hl_chart_unref);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (hl_export_dialog_parent_class)->dispose (object);
}

static void
hl_export_dialog_finalize (GObject *object)
{
  HlExportDialog *self = HL_EXPORT_DIALOG (object);

  hl_view_clear (&self->view);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->text_cache, hl_text_cache_unref);

  G_OBJECT_CLASS (hl_export_dialog_parent_class)->finalize (object);
}

static void
hl_export_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  HlExportDialog *self = HL_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HlExportDialog *self = HL_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_set_object (&self->dataset, g_value_get_object (value));
      break;
    case PROP_VIEW:
      if (g_value_get_pointer (value) != NULL)
        {
          hl_view_copy (&self->view, g_value_get_pointer (value));
          self->has_view = TRUE;
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_export_dialog_class_init (HlExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hl_export_dialog_constructed;
  object_class->dispose = hl_export_dialog_dispose;
  object_class->finalize = hl_export_dialog_finalize;
  object_class->get_property = hl_export_dialog_get_property;
  object_class->set_property = hl_export_dialog_set_property;

  /**
   * HlExportDialog:dataset:
   *
   * The dataset to export.
   */
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, HL_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * HlExportDialog:view: (type gpointer)
   *
   * The window's view (an #HlView) when the dialog opens: its range,
   * lanes and filters are exported. Copied; %NULL: the dataset's default.
   */
  properties[PROP_VIEW] =
    g_param_spec_pointer ("view", NULL, NULL,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HlExportDialog::exported:
   * @file: the file written
   *
   * Emitted when a chart has been written, just before the dialog closes.
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  /* The template is in a static library's resources: naming them keeps
   * the linker from dropping them, so the dialog works in any program. */
  (void) hl_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/heistline/Heistline/"
                                                             "hl-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, size_label);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, custom_row);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, bins_row);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, money_scale_row);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, subtitle_row);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, range_row);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, footnote_switch);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, annotations_switch);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, periods_switch);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, cumulative_switch);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hl_export_dialog_init (HlExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->text_cache = hl_text_cache_new ();
}

HlExportDialog *
hl_export_dialog_new (GtkWindow *parent, HlDataset *dataset, const HlView *view)
{
  HlExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);

  self = g_object_new (HL_TYPE_EXPORT_DIALOG,
                       "dataset", dataset,
                       "view", view,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  return self;
}
