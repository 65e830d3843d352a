/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dataset monitor: a GFileMonitor and a debounce timer, after
 * gnome-text-editor's editor-buffer-monitor.c. GIO's file monitors watch
 * the file's folder and filter by name, so a file renamed over ours keeps
 * being watched; WATCH_MOVES reports that as one RENAMED event naming our
 * file as the new name. GIO only: the core never sees a widget.
 *
 * What GIO does not cover: when the file's folder is renamed away (and
 * later back), the file's watch reports nothing and is only re-added by
 * GIO's own scan for missing files, seconds later, saves in between
 * unseen. So the folder is looked at once a second (a stat: watching its
 * parent too would share GIO's one inotify descriptor with a busy folder
 * such as /tmp and delay our own events), and while the file is missing
 * (its folder moved, the file deleted or renamed away) it is looked for
 * with a backoff; when it is back, the watch is made anew and its return
 * is one "changed". A folder renamed away and back within the second is
 * left to GIO's own scan. */
#include "config.h"

#include <glib/gstdio.h>

#include "hl-dataset-monitor.h"

struct _HlDatasetMonitor
{
  GObject       parent_instance;

  GFile        *file;
  GFileMonitor *monitor;         /* the file, in its folder */
  guint         folder_source;   /* looking at the folder */
  dev_t         folder_dev;      /* the folder the watch was made in */
  ino_t         folder_ino;
  guint         debounce_ms;
  guint         debounce_source;
  guint         missing_source;  /* looking for the file while it is gone */
  guint         missing_ms;      /* the wait before the next look */
};

/* Looking for a missing file: the first look soon, then less often. */
#define MISSING_FIRST_MS  100
#define MISSING_MAX_MS    1000
#define FOLDER_CHECK_MS   1000

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

static void watch_file (HlDatasetMonitor *self);

static void
restart_debounce (HlDatasetMonitor *self)
{
  /* Restart the wait on every event: one signal after the last one. */
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->debounce_source = g_timeout_add (self->debounce_ms, debounce_cb, self);
}

static gboolean
missing_cb (gpointer data)
{
  HlDatasetMonitor *self = data;

  self->missing_source = 0;
  if (!g_file_query_exists (self->file, NULL))
    {
      self->missing_ms = MIN (self->missing_ms * 2, MISSING_MAX_MS);
      self->missing_source = g_timeout_add (self->missing_ms, missing_cb, self);
      return G_SOURCE_REMOVE;
    }
  /* Back: a new watch (the old one may be watching nothing), and what
   * came back may be new contents. */
  watch_file (self);
  restart_debounce (self);
  return G_SOURCE_REMOVE;
}

/* Something happened that may have taken the file away: if it is gone,
 * look for it until it is back. */
static void
check_missing (HlDatasetMonitor *self)
{
  if (self->missing_source != 0)
    return;
  self->missing_ms = MISSING_FIRST_MS;
  self->missing_source = g_timeout_add (self->missing_ms, missing_cb, self);
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 HlDatasetMonitor  *self)
{
  if (!is_new_contents (self, file, other, event))
    {
      if (event == G_FILE_MONITOR_EVENT_DELETED || event == G_FILE_MONITOR_EVENT_MOVED_OUT ||
          event == G_FILE_MONITOR_EVENT_RENAMED || event == G_FILE_MONITOR_EVENT_UNMOUNTED)
        check_missing (self);
      return;
    }
  restart_debounce (self);
}

/* The folder the file's watch was made in, as (device, inode); FALSE if
 * it is not there. */
static gboolean
stat_folder (HlDatasetMonitor *self, dev_t *dev, ino_t *ino)
{
  g_autoptr(GFile) folder = g_file_get_parent (self->file);
  GStatBuf buf;

  if (folder == NULL || g_file_peek_path (folder) == NULL ||
      g_stat (g_file_peek_path (folder), &buf) != 0)
    return FALSE;
  *dev = buf.st_dev;
  *ino = buf.st_ino;
  return TRUE;
}

/* The folder renamed away, deleted or replaced: the file's watch is on
 * what is no longer there. */
static gboolean
folder_cb (gpointer data)
{
  HlDatasetMonitor *self = data;
  dev_t dev;
  ino_t ino;

  if (self->missing_source == 0 &&
      (!stat_folder (self, &dev, &ino) || dev != self->folder_dev || ino != self->folder_ino))
    check_missing (self);
  return G_SOURCE_CONTINUE;
}

static void
clear_monitor (HlDatasetMonitor *self, GFileMonitor **monitor)
{
  if (*monitor == NULL)
    return;
  g_signal_handlers_disconnect_by_data (*monitor, self);
  g_file_monitor_cancel (*monitor);
  g_clear_object (monitor);
}

static GFileMonitor *
new_monitor (HlDatasetMonitor *self, GFile *file, GCallback callback)
{
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);

  if (monitor == NULL)
    {
      g_debug ("Cannot watch %s: %s", g_file_peek_path (file), error->message);
      return NULL;
    }
  /* The debounce does the coalescing: GIO's own rate limit would only
   * delay a CHANGED past it and make a second signal. */
  g_file_monitor_set_rate_limit (monitor, 0);
  g_signal_connect_object (monitor, "changed", callback, self, 0);
  return monitor;
}

/* (Re)makes the file's watch. */
static void
watch_file (HlDatasetMonitor *self)
{
  clear_monitor (self, &self->monitor);
  self->monitor = new_monitor (self, self->file, G_CALLBACK (on_file_changed));
  g_clear_handle_id (&self->folder_source, g_source_remove);
  if (self->monitor != NULL && stat_folder (self, &self->folder_dev, &self->folder_ino))
    self->folder_source = g_timeout_add (FOLDER_CHECK_MS, folder_cb, self);
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

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (HL_TYPE_DATASET_MONITOR, NULL);
  self->file = g_object_ref (file);
  self->debounce_ms = debounce_ms;
  watch_file (self);
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
  g_clear_handle_id (&self->missing_source, g_source_remove);
  clear_monitor (self, &self->monitor);
  g_clear_handle_id (&self->folder_source, g_source_remove);
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
