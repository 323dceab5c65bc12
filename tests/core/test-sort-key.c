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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sort-key/dutch-prefixes", test_dutch_prefixes);
  g_test_add_func ("/sort-key/folding", test_folding);

  return g_test_run ();
}
