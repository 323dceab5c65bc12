#define G_LOG_DOMAIN "test-sort-key"

#include "config.h"

#include "placements-sort-key.h"

static void
assert_name_key (const char *family_name,
                 const char *given_name,
                 const char *expected)
{
  g_autofree char *key = placements_sort_key_for_name (family_name, given_name);

  g_assert_cmpstr (key, ==, expected);
}

static void
test_dutch_prefixes (void)
{
  assert_name_key ("de Vries", "Sem", "vries sem");
  assert_name_key ("van den Berg", "Daan", "berg daan");
  assert_name_key ("'t Hart", "Emma", "hart emma");
  /* Flemish names write the prefix with a capital and are filed under it. */
  assert_name_key ("De Smet", "Wout", "de smet wout");
  assert_name_key ("Van Damme", "Lien", "van damme lien");
  /* A family name that is only a prefix-like word is kept whole. */
  assert_name_key ("van", NULL, "van");
}

static void
test_folding (void)
{
  g_autofree char *key = placements_sort_key_for_text ("  Çelik Öztürk ");

  g_assert_cmpstr (key, ==, "celik ozturk");
  assert_name_key ("El Amrani", "Yassine", "el amrani yassine");
  assert_name_key (NULL, NULL, "");
}

static void
assert_folded (const char *text,
               const char *expected)
{
  g_autofree char *folded = placements_fold_text (text);

  g_assert_cmpstr (folded, ==, expected);
}

/* Letters of their own outside Latin-1, as coordinators type them. */
static void
test_own_letters (void)
{
  assert_folded ("Yılmaz", "yilmaz");
  assert_folded ("YILMAZ", "yilmaz");
  assert_folded ("İlknur Işık", "ilknur isik");
  assert_folded ("Ayşe Doğan Şahin", "ayse dogan sahin");
  assert_folded ("Łukasz Michałowski", "lukasz michalowski");
  assert_folded ("Søren Ærø", "soren aero");
  assert_folded ("Straße", "strasse");
  assert_folded ("Đorđević", "dordevic");
  assert_folded ("Þórðarson", "thordarson");
  assert_folded ("Œuvre Ĳsselmeer", "oeuvre ijsselmeer");
  assert_folded ("Məmmədov", "memmedov");
  /* Other scripts are kept, in lower case, so that they still find themselves. */
  assert_folded ("Ольга", "ольга");
  assert_folded (NULL, "");

  /* Sort keys fold alike: Yılmaz between Yildiz and Yzer, not before every Y. */
  {
    g_autofree char *yilmaz = placements_sort_key_for_name ("Yılmaz", "Ayşe");
    g_autofree char *yildiz = placements_sort_key_for_name ("Yildiz", NULL);
    g_autofree char *yzer = placements_sort_key_for_name ("Yzer", NULL);

    g_assert_cmpstr (yilmaz, ==, "yilmaz ayse");
    g_assert_cmpstr (yildiz, <, yilmaz);
    g_assert_cmpstr (yilmaz, <, yzer);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sort-key/dutch-prefixes", test_dutch_prefixes);
  g_test_add_func ("/sort-key/folding", test_folding);
  g_test_add_func ("/sort-key/own-letters", test_own_letters);

  return g_test_run ();
}
