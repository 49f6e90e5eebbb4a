package dev.ballast.scan;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A page of a list in the API: the items and the cursor of the next page, also sent as a
 * {@code Link: <...>; rel="next"} header so CSV readers can follow it.
 *
 * @param items the items
 * @param nextCursor pass as {@code cursor} to read the next page; {@code null} on the last page
 * @param <T> the item type
 */
public record ApiPage<T>(List<T> items, @Nullable String nextCursor) {

	/** The headers of the page: a {@code Link} to the next one, if there is one. */
	HttpHeaders links() {
		HttpHeaders headers = new HttpHeaders();
		if (this.nextCursor != null) {
			String next = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("cursor", this.nextCursor)
				.build()
				.toUriString();
			headers.add(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		}
		return headers;
	}

}
