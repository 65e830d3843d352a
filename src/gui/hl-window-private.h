/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* HlWindow is one class over several files, after gnome-text-editor's
 * editor-window: hl-window.c (construction, loading, messages),
 * hl-window-actions.c (actions, key bindings, recent files) and
 * hl-window-dnd.c (drag and drop). This is the struct they share. */

#include "hl-dataset-monitor.h"
#include "hl-filter-popover.h"
#include "hl-notes-popover.h"
#include "hl-pacer.h"
#include "hl-range-popover.h"
#include "hl-window.h"

G_BEGIN_DECLS

struct _HlWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkMenuButton   *range_button;
  GtkLabel        *range_label;      /* its label, ellipsized when narrow */
  GtkMenuButton   *filter_button;
  HlRangePopover  *range_popover;
  HlFilterPopover *filter_popover;
  GtkToggleButton *search_button;
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
  GtkLabel        *matches_label;
  GtkRevealer     *loading_revealer;
  GtkLabel        *loading_label;
  GtkProgressBar  *loading_bar;
  AdwFlap         *flap;
  GtkToggleButton *panel_button;
  HlTimeline      *timeline;
  HlDetailsPanel  *panel;
  GMenu           *recent_menu;
  GMenu           *sources_section;  /* Remove Dataset, when files were added */

  HlSession       *session;          /* what the window shows */
  HlLoadOptions    load_options;  /* HEISTLINE_MAX_FILE_SIZE, read once */
  GSettings       *settings;

  HlDatasetMonitor *monitor;         /* the file shown, for live reload */
  GPtrArray       *added_watches;    /* the added files' (hl-window-sources.c) */

  GCancellable    *load_cancellable; /* the load in flight, if any */
  GFile           *loading_file;
  gboolean         loading_reload;
  gboolean         reload_pending;   /* changed again during a reload */
  guint            pulse_source;
  guint            reveal_source;

  char            *last_error;
  AdwToast        *error_toast;      /* the one reload error shown, if any */
  gint64           error_toast_added;
  guint            withdraw_source;  /* withdrawing it once it has arrived */

  /* Notes and views (hl-window-notes.c) */
  GMenu           *views_list;       /* the Views menu's list of views */
  HlNotesPopover  *note_popover;
  GtkPopoverMenu  *context_menu;
  char            *notes_origin;     /* the notes file read for the dataset shown */
  char            *drag_note;        /* the note being dragged */
  int              current_view;     /* the view switched to or saved last; -1: none */
  double           pointer_x;
  double           pointer_y;
  gboolean         has_pointer;
  HlPacer          range_pacer;      /* the range button while a gesture moves */
};

void _hl_window_class_actions_init  (GtkWidgetClass *widget_class);
void _hl_window_view_actions_init   (HlWindow       *self);
void _hl_window_dnd_init            (HlWindow       *self);
gboolean _hl_window_is_table_file   (GFile          *file);
void _hl_window_add_table_filter    (GtkFileChooser *chooser);
GtkFileChooserNative *_hl_window_new_dataset_chooser (HlWindow   *self,
                                                      const char *title,
                                                      const char *accept);
void _hl_window_remember_folder     (HlWindow       *self,
                                     GFile          *file);
void _hl_window_import_file         (HlWindow       *self,
                                     GFile          *file);
void _hl_window_toast               (HlWindow       *self,
                                     const char     *text);
void _hl_window_show_error_dialog   (HlWindow       *self,
                                     const char     *heading,
                                     const char     *body,
                                     const char     *details);
void _hl_window_add_recent          (GFile          *file);
void _hl_window_rebuild_recent_menu (HlWindow       *self);
void _hl_window_show_reload_error  (HlWindow       *self,
                                     const char     *message);
void _hl_window_clear_reload_error (HlWindow       *self);
void _hl_window_class_sources_init  (GtkWidgetClass *widget_class);
void _hl_window_sources_init        (HlWindow       *self);
void _hl_window_sources_dispose     (HlWindow       *self);
void _hl_window_sources_sync        (HlWindow       *self);
void _hl_window_class_notes_init    (GtkWidgetClass *widget_class);
void _hl_window_notes_init          (HlWindow       *self);
void _hl_window_notes_dispose       (HlWindow       *self);
/* Test-only */
void _hl_window_move_note           (HlWindow       *self,
                                     const char     *id,
                                     double          dx);
HlNotesPopover *_hl_window_get_notes_popover (HlWindow *self);
gboolean _hl_window_open_notes      (HlWindow       *self,
                                     GFile          *file);
gboolean _hl_window_save_notes_as   (HlWindow       *self,
                                     GFile          *file);

G_END_DECLS
