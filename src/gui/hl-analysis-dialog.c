/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The analysis page (issue 12): for the window's visible range and the
 * session's two lanes, the table (each following event and the leading
 * events within the window before it), the lag histogram drawn by the
 * renderer's style, and the permutation test in words. The test runs on a
 * worker thread with progress and Cancel. Each distinct window tried on
 * the same data and lanes is counted: from the second on, the result says
 * that each try is another chance of a fluke. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "hl-analysis-chart.h"
#include "hl-analysis-dialog-private.h"
#include "hl-date.h"
#include "hl-describe.h"

struct _HlAnalysisDialog
{
  AdwWindow     parent_instance;

  HlSession    *session;
  HlProximity  *result;
  HlDataset    *result_dataset;  /* the dataset @result counts */
  GCancellable *cancellable;     /* the run under way, or NULL */
  GHashTable   *windows_tried;   /* "lead follow from to" -> GHashTable of windows */
  guint         n_shifts;
  gboolean      several_windows;
  double        progress_value;  /* written by the worker, under the lock */
  GMutex        lock;
  guint         progress_source;

  GtkDropDown  *lead_choice;
  GtkDropDown  *follow_choice;
  GtkSpinButton *window_spin;
  GtkWidget    *run_button;
  GtkWidget    *cancel_button;
  GtkProgressBar *progress;
  GtkLabel     *summary_label;
  GtkDrawingArea *histogram;
  GtkListView  *table_view;
  GtkStringList *table;
  GtkWidget    *export_button;
  GtkWidget    *csv_button;
  GtkFileChooserNative *chooser;
  gboolean      syncing;
};

G_DEFINE_FINAL_TYPE (HlAnalysisDialog, hl_analysis_dialog, ADW_TYPE_WINDOW)

static HlTheme
current_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? HL_THEME_DARK
                                                                       : HL_THEME_LIGHT;
}

static void
fill_chart (HlAnalysisDialog *self, HlAnalysisChart *chart, int width, int height)
{
  chart->dataset = self->result_dataset;
  chart->result = self->result;
  chart->theme = current_theme ();
  chart->several_windows = self->several_windows;
  chart->width = width;
  chart->height = height;
}

static void
draw_histogram (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  HlAnalysisDialog *self = data;
  HlAnalysisChart chart;

  if (self->result == NULL)
    return;
  fill_chart (self, &chart, width, height);
  hl_analysis_chart_draw (&chart, cr);
}

/* "22 Nov 2023  Ballistic missile (failed): 2 events, $236M" */
static void
fill_table (HlAnalysisDialog *self)
{
  const HlProximity *r = self->result;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < r->rows->len; i++)
    {
      const HlProximityRow *row = &g_array_index (r->rows, HlProximityRow, i);
      const HlEvent *ev = hl_dataset_get_event (self->result_dataset, row->event);
      g_autofree char *date = hl_date_format_long (ev->time);
      g_autofree char *events = hl_describe_events (row->n_lead);
      g_autofree char *amount = hl_proximity_describe_amount (self->result_dataset,
                                                              r->settings.lead, row->amount);

      /* TRANSLATORS: a row of the table: date, following event, leading events, amount */
      g_ptr_array_add (rows, g_strdup_printf (_("%s  %s: %s, %s"), date, ev->title, events,
                                              amount));
    }
  g_ptr_array_add (rows, NULL);
  gtk_string_list_splice (self->table, 0, g_list_model_get_n_items (G_LIST_MODEL (self->table)),
                          (const char * const *) rows->pdata);
}

static void
show_result (HlAnalysisDialog *self)
{
  HlAnalysisChart chart;
  g_autofree char *summary = NULL;

  fill_chart (self, &chart, 1, 1);
  summary = hl_analysis_chart_summary (&chart);
  gtk_label_set_text (self->summary_label, summary);
  fill_table (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->histogram));
  gtk_widget_set_sensitive (self->export_button, TRUE);
  gtk_widget_set_sensitive (self->csv_button, TRUE);
}

static void
set_running (HlAnalysisDialog *self, gboolean running)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress), running);
  gtk_widget_set_visible (self->cancel_button, running);
  gtk_widget_set_sensitive (self->run_button, !running);
  if (running)
    gtk_progress_bar_set_fraction (self->progress, 0);
}

/* ------------------------------------------------------------------ */
/* The worker */

typedef struct
{
  HlDataset          *dataset;
  HlProximitySettings settings;
  HlAnalysisDialog   *self;     /* only for the progress, under its lock */
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->dataset);
  g_object_unref (job->self);
  g_free (job);
}

static void
on_progress (double fraction, gpointer data)
{
  Job *job = data;

  g_mutex_lock (&job->self->lock);
  job->self->progress_value = fraction;
  g_mutex_unlock (&job->self->lock);
}

static void
run_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  HlProximity *result = hl_proximity_analyze (job->dataset, &job->settings, cancellable,
                                              on_progress, job, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) hl_proximity_free);
}

static gboolean
update_progress (gpointer data)
{
  HlAnalysisDialog *self = data;
  double value;

  g_mutex_lock (&self->lock);
  value = self->progress_value;
  g_mutex_unlock (&self->lock);
  gtk_progress_bar_set_fraction (self->progress, value);
  return G_SOURCE_CONTINUE;
}

static void
on_done (GObject *source, GAsyncResult *res, gpointer data)
{
  HlAnalysisDialog *self = HL_ANALYSIS_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  HlProximity *result = g_task_propagate_pointer (G_TASK (res), &error);

  /* closed meanwhile, or a newer run took over */
  if (self->session == NULL || g_task_get_cancellable (G_TASK (res)) != self->cancellable)
    {
      g_clear_pointer (&result, hl_proximity_free);
      return;
    }
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  if (result == NULL)
    {
      /* no stale numbers under a message that says there are none */
      g_clear_pointer (&self->result, hl_proximity_free);
      gtk_string_list_splice (self->table, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->table)), NULL);
      gtk_widget_set_sensitive (self->export_button, FALSE);
      gtk_widget_set_sensitive (self->csv_button, FALSE);
      gtk_widget_queue_draw (GTK_WIDGET (self->histogram));
      gtk_label_set_text (self->summary_label,
                          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                          ? _("Cancelled: no result.") : error->message);
      return;
    }
  g_clear_pointer (&self->result, hl_proximity_free);
  g_set_object (&self->result_dataset, job->dataset);
  self->result = result;
  show_result (self);
}

/* Counts @s's window among those tried on the same lanes and range. */
static void
note_window (HlAnalysisDialog *self, const HlProximitySettings *s)
{
  g_autofree char *key = g_strdup_printf ("%u %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                          s->lead, s->follow, s->from, s->to);
  GHashTable *windows = g_hash_table_lookup (self->windows_tried, key);

  if (windows == NULL)
    {
      windows = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (self->windows_tried, g_steal_pointer (&key), windows);
    }
  g_hash_table_add (windows, GUINT_TO_POINTER (s->window_days + 1));
  self->several_windows = g_hash_table_size (windows) > 1;
}

void
hl_analysis_dialog_run (HlAnalysisDialog *self)
{
  HlDataset *dataset;
  g_autoptr(GTask) task = NULL;
  gint64 span_from, span_to;
  Job *job;

  g_return_if_fail (HL_IS_ANALYSIS_DIALOG (self));

  dataset = hl_session_get_dataset (self->session);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  set_running (self, FALSE);
  if (dataset == NULL)
    return;
  job = g_new0 (Job, 1);
  job->dataset = g_object_ref (dataset);
  job->self = g_object_ref (self);
  hl_proximity_settings_init (&job->settings, dataset, hl_session_get_view (self->session));
  if (!hl_session_get_proximity_lanes (self->session, &job->settings.lead,
                                       &job->settings.follow))
    {
      job_free (job);
      gtk_label_set_text (self->summary_label, _("The analysis needs two lanes."));
      return;
    }
  /* a selected span, if any, rather than the visible range */
  if (hl_session_get_span (self->session, &span_from, &span_to))
    {
      job->settings.from = span_from;
      job->settings.to = span_to;
    }
  job->settings.window_days = hl_session_get_proximity_window (self->session);
  job->settings.n_shifts = self->n_shifts;
  note_window (self, &job->settings);
  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  self->progress_value = 0;
  self->progress_source = g_timeout_add (100, update_progress, self);
  task = g_task_new (self, self->cancellable, on_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_in_thread);
}

static void
run_clicked_cb (HlAnalysisDialog *self)
{
  hl_analysis_dialog_run (self);
}

static void
cancel_clicked_cb (HlAnalysisDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* ------------------------------------------------------------------ */
/* Files */

gboolean
_hl_analysis_dialog_export (HlAnalysisDialog *self, const char *path, GError **error)
{
  HlAnalysisChart chart;
  HlExportFormat format;

  g_return_val_if_fail (HL_IS_ANALYSIS_DIALOG (self), FALSE);
  g_return_val_if_fail (self->result != NULL, FALSE);

  if (!hl_export_format_from_path (path, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” has no known extension (use .png, .svg or .pdf)"), path);
      return FALSE;
    }
  fill_chart (self, &chart, 1600, 900);
  return hl_analysis_chart_export (&chart, format, path, NULL, error);
}

gboolean
_hl_analysis_dialog_save_csv (HlAnalysisDialog *self, const char *path, GError **error)
{
  g_autofree char *csv = NULL;
  g_autoptr(HlAtomicFile) file = NULL;
  gsize len;

  g_return_val_if_fail (HL_IS_ANALYSIS_DIALOG (self), FALSE);
  g_return_val_if_fail (self->result != NULL, FALSE);

  csv = hl_proximity_to_csv (self->result_dataset, self->result);
  len = strlen (csv);
  file = hl_atomic_file_open (path, HL_ATOMIC_FILE_FLAGS_NONE, error);
  if (file == NULL)
    return FALSE;
  if (write (hl_atomic_file_get_fd (file), csv, len) != (gssize) len)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return hl_atomic_file_commit (file, error);
}

static void
show_error (HlAnalysisDialog *self, GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could not save"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chooser_response_cb (GtkNativeDialog *native, int response, HlAnalysisDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean csv = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "csv"));

  if (response == GTK_RESPONSE_ACCEPT && self->result != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file ? g_file_get_path (file) : NULL;
      if (path != NULL &&
          !(csv ? _hl_analysis_dialog_save_csv (self, path, &error)
                : _hl_analysis_dialog_export (self, path, &error)))
        show_error (self, error);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file (HlAnalysisDialog *self, gboolean csv)
{
  g_autofree char *name = NULL;

  if (self->result == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (csv ? _("Save Table") : _("Export Chart"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  name = g_strdup (csv ? "proximity.csv" : "proximity.png");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "csv", GINT_TO_POINTER (csv));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_clicked_cb (HlAnalysisDialog *self)
{
  choose_file (self, FALSE);
}

static void
csv_clicked_cb (HlAnalysisDialog *self)
{
  choose_file (self, TRUE);
}

/* ------------------------------------------------------------------ */
/* Settings: the lanes and the window are the session's */

static void
sync_from_session (HlAnalysisDialog *self)
{
  HlDataset *dataset = hl_session_get_dataset (self->session);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint lead = 0, follow = 0;

  if (dataset == NULL)
    return;
  for (guint i = 0; i < hl_dataset_get_n_lanes (dataset); i++)
    gtk_string_list_append (names, hl_dataset_get_lane (dataset, i)->title);
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->lead_choice, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->follow_choice, G_LIST_MODEL (names));
  if (hl_session_get_proximity_lanes (self->session, &lead, &follow))
    {
      gtk_drop_down_set_selected (self->lead_choice, lead);
      gtk_drop_down_set_selected (self->follow_choice, follow);
    }
  gtk_spin_button_set_value (self->window_spin, hl_session_get_proximity_window (self->session));
  self->syncing = FALSE;
}

static void
on_lane_chosen (GtkDropDown *choice, GParamSpec *pspec, HlAnalysisDialog *self)
{
  HlDataset *dataset = hl_session_get_dataset (self->session);
  guint i = gtk_drop_down_get_selected (choice);

  if (self->syncing || dataset == NULL || i >= hl_dataset_get_n_lanes (dataset))
    return;
  if (choice == self->lead_choice)
    hl_session_set_proximity_lead (self->session, hl_dataset_get_lane (dataset, i)->id);
  else
    hl_session_set_proximity_follow (self->session, hl_dataset_get_lane (dataset, i)->id);
}

static void
on_window_changed (HlAnalysisDialog *self)
{
  if (!self->syncing)
    hl_session_set_proximity_window (self->session,
                                     (guint) gtk_spin_button_get_value_as_int (self->window_spin));
}

static void
on_session_notify (HlAnalysisDialog *self, GParamSpec *pspec)
{
  if (g_str_has_prefix (pspec->name, "proximity-") || g_str_equal (pspec->name, "dataset"))
    sync_from_session (self);
}

/* ------------------------------------------------------------------ */

static void
hl_analysis_dialog_dispose (GObject *object)
{
  HlAnalysisDialog *self = HL_ANALYSIS_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->session);
  g_clear_pointer (&self->result, hl_proximity_free);
  g_clear_object (&self->result_dataset);
  g_clear_pointer (&self->windows_tried, g_hash_table_unref);
  g_clear_object (&self->table);
  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_ANALYSIS_DIALOG);
  G_OBJECT_CLASS (hl_analysis_dialog_parent_class)->dispose (object);
}

static void
hl_analysis_dialog_finalize (GObject *object)
{
  g_mutex_clear (&HL_ANALYSIS_DIALOG (object)->lock);
  G_OBJECT_CLASS (hl_analysis_dialog_parent_class)->finalize (object);
}

static void
hl_analysis_dialog_class_init (HlAnalysisDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_analysis_dialog_dispose;
  object_class->finalize = hl_analysis_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/heistline/Heistline/"
                                               "hl-analysis-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HlAnalysisDialog, lead_choice);
  gtk_widget_class_bind_template_child (widget_class, HlAnalysisDialog, follow_choice);
  gtk_widget_class_bind_template_child (widget_class, HlAnalysisDialog, window_spin);
  gtk_widget_class_bind_template_child (widget_class, HlAnalysisDialog, run_button);
  gtk_widget_class_bind_template_child (widget_class, HlAnalysisDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HlAnalysisDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, HlAnalysisDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HlAnalysisDialog, histogram);
  gtk_widget_class_bind_template_child (widget_class, HlAnalysisDialog, table_view);
  gtk_widget_class_bind_template_child (widget_class, HlAnalysisDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, HlAnalysisDialog, csv_button);
  gtk_widget_class_bind_template_callback (widget_class, run_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, csv_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkStringObject *row = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (row));
}

static void
hl_analysis_dialog_init (HlAnalysisDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_mutex_init (&self->lock);
  self->n_shifts = HL_PROXIMITY_DEFAULT_SHIFTS;
  self->windows_tried = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_hash_table_unref);
  self->table = gtk_string_list_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->table_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->table_view, GTK_SELECTION_MODEL (
                             gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->table)))));
  gtk_drawing_area_set_draw_func (self->histogram, draw_histogram, self, NULL);
  g_signal_connect (self->lead_choice, "notify::selected", G_CALLBACK (on_lane_chosen), self);
  g_signal_connect (self->follow_choice, "notify::selected", G_CALLBACK (on_lane_chosen), self);
  g_signal_connect_swapped (self->window_spin, "value-changed", G_CALLBACK (on_window_changed),
                            self);
}

/* A page for @session's dataset, visible range and proximity settings;
 * the first run starts at once. */
HlAnalysisDialog *
hl_analysis_dialog_new (GtkWindow *parent, HlSession *session)
{
  HlAnalysisDialog *self;

  g_return_val_if_fail (HL_IS_SESSION (session), NULL);

  self = g_object_new (HL_TYPE_ANALYSIS_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify", G_CALLBACK (on_session_notify), self,
                           G_CONNECT_SWAPPED);
  sync_from_session (self);
  hl_analysis_dialog_run (self);
  return self;
}

const HlProximity *
hl_analysis_dialog_get_result (HlAnalysisDialog *self)
{
  g_return_val_if_fail (HL_IS_ANALYSIS_DIALOG (self), NULL);
  return self->result;
}

gboolean
hl_analysis_dialog_is_running (HlAnalysisDialog *self)
{
  g_return_val_if_fail (HL_IS_ANALYSIS_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

void
_hl_analysis_dialog_set_shifts (HlAnalysisDialog *self, guint n_shifts)
{
  g_return_if_fail (HL_IS_ANALYSIS_DIALOG (self));
  self->n_shifts = n_shifts;
}
