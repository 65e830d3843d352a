/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dataset monitor: a GFileMonitor and a debounce timer, after
 * gnome-text-editor's editor-buffer-monitor.c. GIO's file monitors watch
 * the file's folder and filter by name, so a file renamed over ours keeps
 * being watched; WATCH_MOVES reports that as one RENAMED event naming our
 * file as the new name. GIO only: the core never sees a widget. */
#include "config.h"

#include "hl-dataset-monitor.h"

struct _HlDatasetMonitor
{
  GObject       parent_instance;

  GFile        *file;
  GFileMonitor *monitor;
  guint         debounce_ms;
  guint         debounce_source;
};

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HlDatasetMonitor, hl_dataset_monitor, G_TYPE_OBJECT)

static gboolean
debounce_cb (gpointer data)
{
  HlDatasetMonitor *self = data;

  self->debounce_source = 0;
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* Whether @event (about @file, with @other its new name for a rename)
 * means our file may have new contents. */
static gboolean
is_new_contents (HlDatasetMonitor *self, GFile *file, GFile *other, GFileMonitorEvent event)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      return TRUE;
    case G_FILE_MONITOR_EVENT_RENAMED:
      /* Something renamed over our file, not our file renamed away */
      return other != NULL && g_file_equal (other, self->file);
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      return FALSE;
    }
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 HlDatasetMonitor  *self)
{
  if (!is_new_contents (self, file, other, event))
    return;
  /* Restart the wait on every event: one signal after the last one. */
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->debounce_source = g_timeout_add (self->debounce_ms, debounce_cb, self);
}

/**
 * hl_dataset_monitor_new:
 * @file: the file to watch
 * @debounce_ms: how long the file must stay quiet before "changed"
 *
 * Returns: (transfer full): a monitor; if @file cannot be watched (a
 * file system without notifications), one that never emits.
 */
HlDatasetMonitor *
hl_dataset_monitor_new (GFile *file, guint debounce_ms)
{
  HlDatasetMonitor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (HL_TYPE_DATASET_MONITOR, NULL);
  self->file = g_object_ref (file);
  self->debounce_ms = debounce_ms;
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Cannot watch %s: %s", g_file_peek_path (file), error->message);
      return self;
    }
  /* The debounce does the coalescing: GIO's own rate limit would only
   * delay a CHANGED past it and make a second signal. */
  g_file_monitor_set_rate_limit (self->monitor, 0);
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed), self, 0);
  return self;
}

GFile *
hl_dataset_monitor_get_file (HlDatasetMonitor *self)
{
  g_return_val_if_fail (HL_IS_DATASET_MONITOR (self), NULL);
  return self->file;
}

static void
hl_dataset_monitor_dispose (GObject *object)
{
  HlDatasetMonitor *self = HL_DATASET_MONITOR (object);

  g_clear_handle_id (&self->debounce_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->file);
  G_OBJECT_CLASS (hl_dataset_monitor_parent_class)->dispose (object);
}

static void
hl_dataset_monitor_class_init (HlDatasetMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hl_dataset_monitor_dispose;

  /**
   * HlDatasetMonitor::changed:
   *
   * The file has new contents (written in place, created, or another
   * file renamed over it), and nothing happened to it for the debounce.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hl_dataset_monitor_init (HlDatasetMonitor *self)
{
}
