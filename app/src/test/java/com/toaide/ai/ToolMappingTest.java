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
        remove  | {action:'remove', from:'g1', type:'hosted_by'}                                          | {'t':'rel.remove','from':'g1','type':'hosted_by'}
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
