/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The filter popover. Each control follows its session property (a
 * GSignalGroup and a GBindingGroup on the session) and sets it when
 * toggled. No guard flag is needed: setting a control from the session
 * makes it set the session to the value it already has, and the session
 * ignores equal values. */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-describe.h"
#include "hl-filter-popover.h"
#include "hl-money-locale.h"
#include "hl-timeline.h"

#define USD_PER_MILLION 1e6   /* the spin button counts millions */

struct _HlFilterPopover
{
  GtkPopover      parent_instance;

  HlSession      *session;
  GSignalGroup   *session_signals;
  GBindingGroup  *session_bindings;

  /* template */
  GtkWidget      *filters_bar;
  GtkLabel       *filters_label;
  GtkBox         *lanes_box;
  GtkLabel       *grades_scope_label;
  GtkCheckButton *official_check;
  GtkCheckButton *analyst_check;
  GtkCheckButton *suspected_check;
  GtkCheckButton *disputed_check;
  GtkWidget      *amount_heading;
  GtkWidget      *amount_box;
  GtkSpinButton  *min_usd_spin;
};

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HlFilterPopover, hl_filter_popover, GTK_TYPE_POPOVER)

/* ------------------------------------------------------------------ */
/* Lanes */

static void
sync_lanes (HlFilterPopover *self)
{
  const HlView *view;

  if (self->session == NULL)
    return;
  view = hl_session_get_view (self->session);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->lanes_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint lane = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "lane"));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (child), hl_view_lane_visible (view, lane));
    }
}

static void
on_lane_toggled (GtkCheckButton *check, HlFilterPopover *self)
{
  guint lane = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "lane"));

  if (self->session != NULL && hl_session_get_dataset (self->session) != NULL)
    hl_session_set_lane_visible (self->session, lane, gtk_check_button_get_active (check));
}

static void
rebuild_lanes (HlFilterPopover *self)
{
  HlDataset *dataset = self->session ? hl_session_get_dataset (self->session) : NULL;
  gboolean has_money = FALSE;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lanes_box))) != NULL)
    gtk_box_remove (self->lanes_box, child);
  if (dataset == NULL)
    return;
  for (guint i = 0; i < hl_dataset_get_n_lanes (dataset); i++)
    {
      const HlLane *lane = hl_dataset_get_lane (dataset, i);
      GtkWidget *check = gtk_check_button_new_with_label (lane->title);

      has_money |= lane->measure == HL_MEASURE_USD;

      g_object_set_data (G_OBJECT (check), "lane", GUINT_TO_POINTER (i));
      gtk_box_append (self->lanes_box, check);
    }
  /* An amount filter means nothing without a money lane */
  gtk_widget_set_visible (self->amount_heading, has_money);
  gtk_widget_set_visible (self->amount_box, has_money);
  sync_lanes (self);
  /* Connected after the first sync, which need not go back to the session */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->lanes_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_signal_connect_object (child, "toggled", G_CALLBACK (on_lane_toggled), self, 0);
}

/* ------------------------------------------------------------------ */
/* Confidence grades */

static GtkCheckButton *
confidence_check (HlFilterPopover *self, HlConfidence confidence)
{
  switch (confidence)
    {
    case HL_CONFIDENCE_OFFICIAL:
      return self->official_check;
    case HL_CONFIDENCE_ANALYST:
      return self->analyst_check;
    case HL_CONFIDENCE_SUSPECTED:
      return self->suspected_check;
    case HL_CONFIDENCE_DISPUTED:
      return self->disputed_check;
    case HL_CONFIDENCE_UNSPECIFIED:
    case HL_N_CONFIDENCES:
    default:
      return NULL;
    }
}

/* "Applies to: Crypto heists": the lanes whose events differ in grade.
 * With none, the grades have nothing to filter and are insensitive. */
static void
sync_grades_scope (HlFilterPopover *self)
{
  HlDataset *dataset = self->session ? hl_session_get_dataset (self->session) : NULL;
  HlLaneMask graded = HL_LANE_MASK_INIT;
  g_autoptr(GString) lanes = g_string_new (NULL);
  g_autofree char *text = NULL;

  if (self->session != NULL)
    graded = hl_session_get_graded_lanes (self->session);
  for (guint i = 0; dataset != NULL && i < hl_dataset_get_n_lanes (dataset); i++)
    if (hl_lane_mask_test (&graded, i))
      g_string_append_printf (lanes, "%s%s", lanes->len ? ", " : "",
                              hl_dataset_get_lane (dataset, i)->title);
  if (lanes->len > 0)
    /* TRANSLATORS: the lanes the attribution filter covers */
    text = g_strdup_printf (_("Applies to: %s"), lanes->str);
  else
    text = g_strdup (_("The events of each lane carry one grade: nothing to filter"));
  gtk_label_set_text (self->grades_scope_label, text);
  for (guint c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES; c++)
    gtk_widget_set_sensitive (GTK_WIDGET (confidence_check (self, c)), lanes->len > 0);
}

static void
sync_confidences (HlFilterPopover *self)
{
  const HlView *view;

  if (self->session == NULL)
    return;
  view = hl_session_get_view (self->session);
  for (guint c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES; c++)
    gtk_check_button_set_active (confidence_check (self, c),
                                 (view->hidden_confidences & (1u << c)) == 0);
}

static void
on_confidence_toggled (GtkCheckButton *check, HlFilterPopover *self)
{
  if (self->session == NULL)
    return;
  for (guint c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES; c++)
    if (confidence_check (self, c) == check)
      hl_session_set_confidence_visible (self->session, c, gtk_check_button_get_active (check));
}

/* ------------------------------------------------------------------ */
/* The smallest amount: the spin button in millions, the session in USD */

static gboolean
usd_to_millions (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  g_value_set_double (to, g_value_get_double (from) / USD_PER_MILLION);
  return TRUE;
}

static gboolean
millions_to_usd (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  g_value_set_double (to, g_value_get_double (from) * USD_PER_MILLION);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* What is filtered out, and the way back */

static void
sync_filters_bar (HlFilterPopover *self)
{
  g_autofree char *text = self->session ? hl_session_describe_filters (self->session) : NULL;

  gtk_label_set_text (self->filters_label, text ? text : "");
  gtk_widget_set_visible (self->filters_bar, text != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "filter.reset", text != NULL);
}

static const char * const filter_signals[] = {
  "notify::dataset", "notify::filters-active", "notify::n-hidden", "notify::hidden-lanes",
  "notify::hidden-confidences", "notify::min-usd",
};

static void
reset_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HlFilterPopover *self = HL_FILTER_POPOVER (widget);

  if (self->session != NULL)
    hl_session_reset_filters (self->session);
}

/* ------------------------------------------------------------------ */
/* Public API */

GtkWidget *
hl_filter_popover_new (void)
{
  return g_object_new (HL_TYPE_FILTER_POPOVER, NULL);
}

HlSession *
hl_filter_popover_get_session (HlFilterPopover *self)
{
  g_return_val_if_fail (HL_IS_FILTER_POPOVER (self), NULL);
  return self->session;
}

void
hl_filter_popover_set_session (HlFilterPopover *self, HlSession *session)
{
  g_return_if_fail (HL_IS_FILTER_POPOVER (self));
  g_return_if_fail (session == NULL || HL_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  g_signal_group_set_target (self->session_signals, session);
  g_binding_group_set_source (self->session_bindings, session);
  rebuild_lanes (self);
  sync_confidences (self);
  sync_grades_scope (self);
  sync_filters_bar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* ------------------------------------------------------------------ */
/* GObject */

static void
hl_filter_popover_dispose (GObject *object)
{
  HlFilterPopover *self = HL_FILTER_POPOVER (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  if (self->session_bindings != NULL)
    g_binding_group_set_source (self->session_bindings, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session_bindings);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_FILTER_POPOVER);
  G_OBJECT_CLASS (hl_filter_popover_parent_class)->dispose (object);
}

static void
hl_filter_popover_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HlFilterPopover *self = HL_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_filter_popover_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HlFilterPopover *self = HL_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      hl_filter_popover_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A popover in the header takes the focus while open; when it closes, the
 * focus goes back to the chart, whose keys (+, -, Home, arrows) would
 * otherwise not answer until it is clicked. */
static void
hl_filter_popover_closed (GtkPopover *popover)
{
  if (GTK_POPOVER_CLASS (hl_filter_popover_parent_class)->closed != NULL)
    GTK_POPOVER_CLASS (hl_filter_popover_parent_class)->closed (popover);
  hl_timeline_refocus (GTK_WIDGET (popover));
}

static void
hl_filter_popover_class_init (HlFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_filter_popover_dispose;
  GTK_POPOVER_CLASS (klass)->closed = hl_filter_popover_closed;
  object_class->get_property = hl_filter_popover_get_property;
  object_class->set_property = hl_filter_popover_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HL_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/heistline/Heistline/hl-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, HlFilterPopover, filters_bar);
  gtk_widget_class_bind_template_child (widget_class, HlFilterPopover, filters_label);
  gtk_widget_class_bind_template_child (widget_class, HlFilterPopover, lanes_box);
  gtk_widget_class_bind_template_child (widget_class, HlFilterPopover, grades_scope_label);
  gtk_widget_class_bind_template_child (widget_class, HlFilterPopover, official_check);
  gtk_widget_class_bind_template_child (widget_class, HlFilterPopover, analyst_check);
  gtk_widget_class_bind_template_child (widget_class, HlFilterPopover, suspected_check);
  gtk_widget_class_bind_template_child (widget_class, HlFilterPopover, disputed_check);
  gtk_widget_class_bind_template_child (widget_class, HlFilterPopover, amount_heading);
  gtk_widget_class_bind_template_child (widget_class, HlFilterPopover, amount_box);
  gtk_widget_class_bind_template_child (widget_class, HlFilterPopover, min_usd_spin);
  gtk_widget_class_install_action (widget_class, "filter.reset", NULL, reset_action);
}

/* The smallest amount in millions as the catalogue writes figures
 * ("5.5" beside "million USD" under LANG=de_DE too, never GTK's LC_NUMERIC
 * "5,5"), read back with the same mark (issue 15). */
static gboolean
on_min_usd_output (GtkSpinButton *spin)
{
  g_autofree char *text = hl_describe_decimal (gtk_spin_button_get_value (spin),
                                               gtk_spin_button_get_digits (spin));

  if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (spin))))
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_min_usd_input (GtkSpinButton *spin, double *value)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  g_autoptr(GString) text = g_string_new (typed);
  char *end;

  g_string_replace (text, hl_locale_decimal_mark (), ".", 1);
  *value = g_ascii_strtod (text->str, &end);
  if (end == text->str || *end != '\0')
    return GTK_INPUT_ERROR;
  return TRUE;
}

static void
hl_filter_popover_init (HlFilterPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "filter.reset", FALSE);

  self->session_signals = g_signal_group_new (HL_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::dataset",
                                 G_CALLBACK (rebuild_lanes), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::dataset",
                                 G_CALLBACK (sync_grades_scope), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::hidden-lanes",
                                 G_CALLBACK (sync_lanes), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::hidden-confidences",
                                 G_CALLBACK (sync_confidences), self, G_CONNECT_SWAPPED);
  /* The line follows every filter, and the lane titles it names */
  for (guint i = 0; i < G_N_ELEMENTS (filter_signals); i++)
    g_signal_group_connect_object (self->session_signals, filter_signals[i],
                                   G_CALLBACK (sync_filters_bar), self, G_CONNECT_SWAPPED);

  self->session_bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->session_bindings, "min-usd",
                             gtk_spin_button_get_adjustment (self->min_usd_spin), "value",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             usd_to_millions, millions_to_usd, NULL, NULL);
  /* GTK's numeric mode takes LC_NUMERIC's mark: the catalogue's is read here */
  gtk_spin_button_set_numeric (self->min_usd_spin, FALSE);
  g_signal_connect (self->min_usd_spin, "output", G_CALLBACK (on_min_usd_output), NULL);
  g_signal_connect (self->min_usd_spin, "input", G_CALLBACK (on_min_usd_input), NULL);

  for (guint c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES; c++)
    g_signal_connect_object (confidence_check (self, c), "toggled",
                             G_CALLBACK (on_confidence_toggled), self, 0);
}
