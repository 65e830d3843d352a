/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline's actions and their keys: zoom, pan, stepping through
 * events, lanes and matches, fit and reset, opening a source, clearing
 * the selection. Each works on the timeline's session. */
#include "config.h"

#include "hl-timeline.h"
#include "hl-timeline-private.h"

#define ZOOM_STEP        1.5   /* keyboard zoom factor */
#define KEY_PAN          0.25  /* fraction of the span per key press */

static void
action_zoom (GtkWidget *widget, const char *name, GVariant *param)
{
  HlTimeline *self = HL_TIMELINE (widget);
  HlSession *session = hl_timeline_get_session (self);

  if (session == NULL)
    return;
  if (g_str_equal (name, "timeline.zoom-in"))
    hl_session_zoom (session, ZOOM_STEP, 0.5);
  else
    hl_session_zoom (session, 1 / ZOOM_STEP, 0.5);
}

static void
action_pan (GtkWidget *widget, const char *name, GVariant *param)
{
  HlTimeline *self = HL_TIMELINE (widget);
  HlSession *session = hl_timeline_get_session (self);

  if (session != NULL)
    hl_session_pan (session,
                    g_str_equal (name, "timeline.pan-left") ? -KEY_PAN : KEY_PAN);
}

static void
action_step_event (GtkWidget *widget, const char *name, GVariant *param)
{
  HlTimeline *self = HL_TIMELINE (widget);
  HlSession *session = hl_timeline_get_session (self);

  if (session == NULL || hl_session_get_dataset (session) == NULL)
    return;
  if (!hl_session_step_event (session,
                              g_str_equal (name, "timeline.select-next") ? 1 : -1))
    gtk_widget_error_bell (widget);
}

static void
action_step_lane (GtkWidget *widget, const char *name, GVariant *param)
{
  HlTimeline *self = HL_TIMELINE (widget);
  HlSession *session = hl_timeline_get_session (self);

  if (session == NULL || hl_session_get_dataset (session) == NULL)
    return;
  if (!hl_session_step_lane (session,
                             g_str_equal (name, "timeline.lane-down") ? 1 : -1))
    gtk_widget_error_bell (widget);
}

static void
action_fit_all (GtkWidget *widget, const char *name, GVariant *param)
{
  HlTimeline *self = HL_TIMELINE (widget);
  HlSession *session = hl_timeline_get_session (self);

  if (session != NULL)
    hl_session_fit_all (session);
}

static void
action_reset_range (GtkWidget *widget, const char *name, GVariant *param)
{
  HlTimeline *self = HL_TIMELINE (widget);
  HlSession *session = hl_timeline_get_session (self);

  if (session != NULL)
    hl_session_reset_range (session);
}

static void
action_open_source (GtkWidget *widget, const char *name, GVariant *param)
{
  HlTimeline *self = HL_TIMELINE (widget);
  HlSession *session = hl_timeline_get_session (self);
  HlDataset *dataset;
  const HlEvent *ev;
  int selected;

  if (session == NULL || hl_session_zoom_to_span (session))
    return;
  dataset = hl_session_get_dataset (session);
  selected = hl_session_get_selected (session);
  if (dataset == NULL || selected < 0)
    return;
  ev = hl_dataset_get_event (dataset, selected);
  for (guint i = 0; i < ev->n_sources; i++)
    if (hl_source_url_is_openable (ev->sources[i].url))
      {
        GtkRoot *root = gtk_widget_get_root (widget);

        gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                      ev->sources[i].url, GDK_CURRENT_TIME);
        return;
      }
  gtk_widget_error_bell (widget);
}

static void
action_clear_selection (GtkWidget *widget, const char *name, GVariant *param)
{
  HlTimeline *self = HL_TIMELINE (widget);
  HlSession *session = hl_timeline_get_session (self);

  if (session != NULL && !hl_session_clear_span (session))
    hl_session_set_selected (session, -1);
}

static void
action_step_match (GtkWidget *widget, const char *name, GVariant *param)
{
  HlTimeline *self = HL_TIMELINE (widget);
  HlSession *session = hl_timeline_get_session (self);

  if (session == NULL ||
      !hl_session_step_match (session,
                              g_str_equal (name, "timeline.next-match") ? 1 : -1))
    gtk_widget_error_bell (widget);
}

static void
add_key (GtkWidgetClass *widget_class, guint keyval, GdkModifierType mods, const char *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, NULL);
}

void
_hl_timeline_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "timeline.pan-left", NULL, action_pan);
  gtk_widget_class_install_action (widget_class, "timeline.pan-right", NULL, action_pan);
  gtk_widget_class_install_action (widget_class, "timeline.select-previous", NULL,
                                   action_step_event);
  gtk_widget_class_install_action (widget_class, "timeline.select-next", NULL,
                                   action_step_event);
  gtk_widget_class_install_action (widget_class, "timeline.lane-up", NULL, action_step_lane);
  gtk_widget_class_install_action (widget_class, "timeline.lane-down", NULL, action_step_lane);
  gtk_widget_class_install_action (widget_class, "timeline.fit-all", NULL, action_fit_all);
  gtk_widget_class_install_action (widget_class, "timeline.reset-range", NULL,
                                   action_reset_range);
  gtk_widget_class_install_action (widget_class, "timeline.open-source", NULL,
                                   action_open_source);
  gtk_widget_class_install_action (widget_class, "timeline.clear-selection", NULL,
                                   action_clear_selection);
  gtk_widget_class_install_action (widget_class, "timeline.next-match", NULL,
                                   action_step_match);
  gtk_widget_class_install_action (widget_class, "timeline.previous-match", NULL,
                                   action_step_match);

  add_key (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in");
  add_key (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out");
  add_key (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out");
  add_key (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out");
  add_key (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "timeline.pan-left");
  add_key (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "timeline.pan-right");
  add_key (widget_class, GDK_KEY_Page_Up, 0, "timeline.pan-left");
  add_key (widget_class, GDK_KEY_Page_Down, 0, "timeline.pan-right");
  add_key (widget_class, GDK_KEY_Left, 0, "timeline.select-previous");
  add_key (widget_class, GDK_KEY_KP_Left, 0, "timeline.select-previous");
  add_key (widget_class, GDK_KEY_Right, 0, "timeline.select-next");
  add_key (widget_class, GDK_KEY_KP_Right, 0, "timeline.select-next");
  add_key (widget_class, GDK_KEY_Up, 0, "timeline.lane-up");
  add_key (widget_class, GDK_KEY_KP_Up, 0, "timeline.lane-up");
  add_key (widget_class, GDK_KEY_Down, 0, "timeline.lane-down");
  add_key (widget_class, GDK_KEY_KP_Down, 0, "timeline.lane-down");
  add_key (widget_class, GDK_KEY_0, 0, "timeline.fit-all");
  add_key (widget_class, GDK_KEY_KP_0, 0, "timeline.fit-all");
  add_key (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.fit-all");
  add_key (widget_class, GDK_KEY_Home, 0, "timeline.reset-range");
  add_key (widget_class, GDK_KEY_KP_Home, 0, "timeline.reset-range");
  add_key (widget_class, GDK_KEY_Return, 0, "timeline.open-source");
  add_key (widget_class, GDK_KEY_KP_Enter, 0, "timeline.open-source");
  add_key (widget_class, GDK_KEY_ISO_Enter, 0, "timeline.open-source");
  add_key (widget_class, GDK_KEY_Escape, 0, "timeline.clear-selection");
}
