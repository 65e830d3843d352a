/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline's accessible description: what a screen reader says of
 * the chart, in hl-describe's words (never one dataset's vocabulary). */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-date.h"
#include "hl-describe.h"
#include "hl-notes.h"
#include "hl-timeline-private.h"

/* "Crypto heists: 10 events, $719M; Launches: 17 events." for the lanes
 * shown, from the session's totals. */
static void
append_totals (GString *text, HlDataset *dataset, const HlView *view, const HlTotals *totals)
{
  guint n_lanes = MIN (hl_dataset_get_n_lanes (dataset), HL_VIEW_MAX_LANES);
  gboolean first = TRUE;

  for (guint i = 0; i < n_lanes; i++)
    {
      g_autofree char *part = NULL;

      if (!hl_view_lane_visible (view, i))
        continue;
      part = hl_describe_lane_totals (dataset, i, &totals->lanes[i]);
      g_string_append (text, first ? " " : "; ");
      g_string_append (text, part);
      first = FALSE;
    }
  if (!first)
    g_string_append_c (text, '.');
}

/* " Selected: Stake.com, 4 September 2023, $41.0 million." */
static void
append_event (GString *text, HlDataset *dataset, int event, gboolean hovered)
{
  const HlEvent *ev = hl_dataset_get_event (dataset, event);
  g_autofree char *date = hl_describe_event_date (ev);
  g_autofree char *amount = hl_describe_amount (dataset, ev);
  g_autofree char *title = hl_describe_isolate (ev->title);

  g_string_append_c (text, ' ');
  if (hovered)
    /* Translators: title, date, amount of the event under the pointer */
    g_string_append_printf (text, _("Pointing at: %s, %s, %s."), title, date, amount);
  else
    /* Translators: title, date, amount of the selected event */
    g_string_append_printf (text, _("Selected: %s, %s, %s."), title, date, amount);
}

/* What a screen reader says of the chart: the range, the totals shown,
 * the selected and the hovered event, the notes in view. The timeline
 * says it anew as they change. @session may be NULL: then the default range. */
char *
_hl_timeline_describe (HlSession *session)
{
  HlDataset *dataset = session ? hl_session_get_dataset (session) : NULL;
  int selected = session ? hl_session_get_selected (session) : -1;
  int hover = session ? hl_session_get_hover (session) : -1;
  const HlTotals *totals = session ? hl_session_get_totals (session) : NULL;
  g_autofree char *range = NULL;
  GString *text = g_string_new (NULL);
  const HlView *view;
  HlView fallback;

  /* Before it has a session the widget says the default range */
  hl_view_init (&fallback, NULL);
  view = session ? hl_session_get_view (session) : &fallback;
  range = hl_date_format_range (view->from, view->to);
  g_string_append_printf (text, _("Showing %s."), range);
  if (dataset != NULL && totals != NULL)
    append_totals (text, dataset, view, totals);
  if (dataset != NULL && selected >= 0)
    append_event (text, dataset, selected, FALSE);
  if (dataset != NULL && hover >= 0 && hover != selected)
    append_event (text, dataset, hover, TRUE);
  if (dataset != NULL)
    {
      g_autofree char *notes = hl_notes_describe_in_view (view, dataset);

      if (notes != NULL)
        g_string_append_printf (text, " %s", notes);
    }
  return g_string_free (text, FALSE);
}
