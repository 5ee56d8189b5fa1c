package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

class ToolMappingTest {
    static final JsonMapper RELAXED = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
            .build();

    static MappedCall map(String tool, String relaxedInput) {
        return ToolMapping.map(new ToolCall("toolu_1", tool, RELAXED.readTree(relaxedInput), relaxedInput));
    }

    static String event(String tool, String relaxedInput) {
        MappedCall mapped = map(tool, relaxedInput);
        assertThat(mapped.rejected()).as(mapped.rejection()).isFalse();
        return mapped.event().toString().replace('"', '\'');
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        create with props            | {action:'create', id:'snacks', parent:'page', display:'list', props:{title:'Snacks'}} | {'t':'entity.create','id':'snacks','parent':'page','display':'list','p':{'title':'Snacks'}}
        props as a JSON string       | {action:'update', ref:'mike', props:'{"paid": true}'}                                    | {'t':'entity.update','ref':'mike','p':{'paid':true}}
        a top-level title folded     | {action:'create', id:'page', parent:'root', display:'page', title:'Poker'}               | {'t':'entity.create','id':'page','parent':'root','display':'page','p':{'title':'Poker'}}
        props win over a title       | {action:'update', ref:'page', title:'Old', props:{title:'New'}}                         | {'t':'entity.update','ref':'page','p':{'title':'New'}}
        title joins other props      | {action:'update', ref:'page', title:'T', props:{note:'n'}}                             | {'t':'entity.update','ref':'page','p':{'note':'n','title':'T'}}
        remove                       | {action:'remove', ref:'mike'}                                                           | {'t':'entity.remove','ref':'mike'}
        remove naming id not ref     | {action:'remove', id:'mike'}                                                            | {'t':'entity.remove','ref':'mike'}
        create naming ref not id     | {action:'create', ref:'mike', parent:'players'}                                         | {'t':'entity.create','id':'mike','parent':'players'}
        move                         | {action:'move', ref:'mike', parent:'bench', position:0}                                 | {'t':'entity.move','ref':'mike','parent':'bench','position':0}
        reorder                      | {action:'reorder', ref:'players', children:['dave','mike']}                             | {'t':'entity.reorder','ref':'players','children':['dave','mike']}
        null fields are left out     | {action:'update', ref:'mike', parent:null, props:{paid:null}}                          | {'t':'entity.update','ref':'mike','p':{'paid':null}}
        """)
    void mutate_entity_maps_to_an_entity_event(String rule, String input, String expected) {
        assertThat(event("mutate_entity", input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        set     | {action:'set', from:'g1', to:'mike', type:'hosted_by', cardinality:'many_to_one'}        | {'t':'rel.set','from':'g1','to':'mike','type':'hosted_by','cardinality':'many_to_one'}
        remove  | {action:'remove', from:'g1', to:'mike', type:'hosted_by'}                               | {'t':'rel.remove','from':'g1','to':'mike','type':'hosted_by'}
        constrain | {action:'constrain', id:'apart', rule:'exclude_pair', entities:['a','b'], type:'seated_at', strict:true} | {'t':'rel.constrain','id':'apart','rule':'exclude_pair','entities':['a','b'],'strict':true,'rel_type':'seated_at'}
        """)
    void set_relationship_maps_to_a_link_event(String action, String input, String expected) {
        assertThat(event("set_relationship", input)).isEqualTo(expected);
    }

    @Test
    void a_voice_maps_to_the_voice_signal() {
        assertThat(event("voice", "{text:'Budget: $1,350.'}")).isEqualTo("{'t':'voice','text':'Budget: $1,350.'}");
    }

    @Test
    void an_escalate_voice_maps_to_the_escalate_signal() {
        assertThat(event("voice", "{text:'  Escalate: needs a budget section'}"))
                .isEqualTo("{'t':'escalate','tier':'deep','reason':'needs a budget section'}");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
        paint_page       | {color:'red'}                         | UNKNOWN_TOOL:
        mutate_entity    | {id:'mike'}                           | MISSING_ACTION:
        mutate_entity    | {action:''}                           | MISSING_ACTION:
        mutate_entity    | {action:'explode', ref:'mike'}        | UNKNOWN_ACTION:
        mutate_entity    | {action:'update', ref:'mike', props:'not json'} | INVALID_PROPS:
        mutate_entity    | {action:'update', ref:'mike', props:'[1,2]'}    | INVALID_PROPS:
        set_relationship | {from:'a', to:'b'}                    | MISSING_ACTION:
        set_relationship | {action:'link', from:'a', to:'b'}     | UNKNOWN_ACTION:
        voice            | {}                                    | MISSING_TEXT:
        voice            | {text:'  '}                           | MISSING_TEXT:
        voice            | {text:42}                             | MISSING_TEXT:
        """)
    void a_call_that_maps_to_nothing_is_rejected_with_a_reason(String tool, String input, String code) {
        MappedCall mapped = map(tool, input);

        assertThat(mapped.rejected()).isTrue();
        assertThat(mapped.event()).isNull();
        assertThat(mapped.rejection()).startsWith(code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        create without parent lands nowhere  | {action:'create', id:'snacks', display:'list'}                 | MISSING_FIELD: create needs parent: "page" or the id of the block it goes in
        create without id                    | {action:'create', parent:'page', display:'card'}              | MISSING_FIELD: create needs id: a new id
        move without parent                  | {action:'move', ref:'mike'}                                   | MISSING_FIELD: move needs parent: the id of the new parent
        update without props                 | {action:'update', ref:'mike'}                                 | MISSING_FIELD: update needs props: the fields to change
        update with empty props              | {action:'update', ref:'mike', props:{}}                       | MISSING_FIELD: update needs props
        update without ref                   | {action:'update', props:{paid:true}}                          | MISSING_FIELD: update needs ref: the id of the entity in the page view
        reorder without children             | {action:'reorder', ref:'players'}                             | MISSING_FIELD: reorder needs children: every live child id of the parent, in the new order
        remove without ref                   | {action:'remove'}                                             | MISSING_FIELD: remove needs ref
        update naming a display              | {action:'update', ref:'players', display:'list', props:{title:'P'}} | DISPLAY_FIXED: update cannot change display: it is fixed at creation. Send the update without display
        a prop holding an object             | {action:'create', id:'d', parent:'page', props:{venue:{name:'Hall'}}} | INVALID_PROPS: props.venue holds an object. Prop values are strings, numbers, true/false, null or lists of those: split it into fields such as venue_name
        a list holding an object             | {action:'update', ref:'d', props:{people:[{name:'A'}]}}       | INVALID_PROPS: props.people holds an object
        """)
    void an_entity_call_missing_what_its_action_needs_is_rejected_with_what_to_send(String wrong, String input, String message) {
        MappedCall mapped = map("mutate_entity", input);

        assertThat(mapped.rejected()).isTrue();
        assertThat(mapped.rejection()).startsWith(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        only the type would drop every link of it | {action:'remove', type:'hosted_by'}
        from and type would drop all of from's    | {action:'remove', from:'g1', type:'hosted_by'}
        from and to without the type              | {action:'remove', from:'g1', to:'mike'}
        """)
    void a_link_removal_must_name_the_one_link(String wrong, String input) {
        assertThat(map("set_relationship", input).rejection())
                .isEqualTo("MISSING_FIELD: remove needs from, to and type: exactly the one link to drop");
    }

    @Test
    void a_voice_line_is_held_to_the_rules_before_it_becomes_a_signal() {
        assertThat(event("voice", "{text:'Great! Budget: $1,350 🎉'}")).isEqualTo("{'t':'voice','text':'Budget: $1,350'}");
        assertThat(map("voice", "{text:'I updated the budget for you!'}").rejection()).startsWith("VOICE_RULES: the voice line was dropped");
    }

    @Test
    void the_schemas_say_per_action_what_is_needed_and_type_prop_values() {
        var mutate = Tools.MUTATE.inputSchema().path("properties");
        assertThat(Tools.MUTATE.description()).contains("create needs id and parent").contains("update needs ref and props")
                .contains("move needs ref and parent").contains("reorder needs ref and children");
        assertThat(mutate.path("display").path("description").asString()).startsWith("create only, and fixed");
        assertThat(mutate.path("props").path("additionalProperties").path("type").toString())
                .isEqualTo("[\"string\",\"number\",\"boolean\",\"null\",\"array\"]");
        assertThat(mutate.path("children").path("description").asString()).contains("every live child id");
        assertThat(Tools.RELATE.description()).contains("remove needs from, to and type").contains("set needs from, to, type and cardinality");
    }

    @Test
    void a_malformed_call_is_rejected_not_thrown() {
        MappedCall mapped = ToolMapping.map(new ToolCall("toolu_1", "mutate_entity", null, "{\"action\": tru"));

        assertThat(mapped.rejection()).isEqualTo("MALFORMED_INPUT: mutate_entity input is not a JSON object");
    }

    @Test
    void the_mapping_leaves_the_call_input_untouched() {
        ToolCall call = new ToolCall("toolu_1", "mutate_entity",
                RELAXED.readTree("{action:'update', ref:'page', title:'T', props:{note:'n'}}"), "");
        String before = call.input().toString();

        ToolMapping.map(call);

        assertThat(call.input().toString()).isEqualTo(before);
    }
}
