<?php
/**
 * A CSP plugin, as such plugins work, on `?csp=1` only: a nonce for the request, added to every
 * inline script WordPress prints through the `wp_inline_script_attributes` filter, and a policy
 * that allows only scripts with it (and what they insert).
 */
if ( isset( $_GET['csp'] ) ) {
	$GLOBALS['ssq_test_nonce'] = base64_encode( random_bytes( 16 ) );
	add_filter(
		'wp_inline_script_attributes',
		static function ( $attributes ) {
			$attributes['nonce'] = $GLOBALS['ssq_test_nonce'];
			return $attributes;
		}
	);
	add_action(
		'send_headers',
		static function () {
			header( "Content-Security-Policy: script-src 'nonce-" . $GLOBALS['ssq_test_nonce'] . "' 'strict-dynamic' 'report-sample'" );
		}
	);
}
