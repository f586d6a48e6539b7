{{-- ssq-gen login-data blade: this page's visitor for the ssq-gen block ([login] from_page = true). Reads $ssq_login: an array, or null when logged out. Once per page. --}}
<script type="application/json" id="ssq-login">@json($ssq_login ?? null)</script>
