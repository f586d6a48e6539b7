<?php
/**
 * The site's own fields for the visitor, added through the plugin's `ssq_gen_login` filter as the
 * README shows: a phone from user meta, and labels from the roles. array_filter() keeps its keys,
 * so a user without the editor role gets a list with a gap, which the plugin re-indexes.
 */
add_filter(
	'ssq_gen_login',
	static function ( $login, $user ) {
		if ( ! is_array( $login ) ) {
			return $login;
		}
		$login['phone']       = get_user_meta( $user->ID, 'billing_phone', true );
		$login['label_names'] = array_filter( array( 'member', in_array( 'editor', (array) $user->roles, true ) ? 'editor' : null, 'wordpress' ) );
		return $login;
	},
	10,
	2
);
