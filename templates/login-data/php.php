<?php /* ssq-gen login-data php: this page's visitor for the ssq-gen block ([login] from_page = true). Reads $ssq_login: an array with string keys, or null when logged out. Once per page. */ ?>
<script type="application/json" id="ssq-login"><?= json_encode($ssq_login ?? null, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_INVALID_UTF8_SUBSTITUTE) ?></script>
